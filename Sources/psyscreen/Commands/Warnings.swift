import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Warnings: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "warnings",
        abstract: "The identified early-warning register of a wave, red first, with roll-up counts (counselors only).",
        discussion: """
            Every roster student with a stored attempt at a warning level, whatever their status. Red sticks: a \
            crisis answer on any attempt of the wave is never hidden by a later sheet. The table and json formats \
            add counts per class, grade and school (the four-level network); csv is one row per student. Files are \
            written owner-only (0600).
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The screening wave.")
    var wave: String

    @Option(help: "Only this level (red, orange, yellow); repeat for several.")
    var level: [WarningLevel] = []

    @Option(help: "table, csv, json or xlsx (default: xlsx when the output name ends in .xlsx, else table).")
    var format: ListingFormat?

    @Option(help: "Language of the xlsx column headings: zh-Hans or en.")
    var lang: SessionLanguage = .chinese

    @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.")
    var output: String?

    var files: CommandFiles { CommandFiles(database: database.resolvedPath, outputs: [.init("-o", output, .ownerOnly)]) }

    func run() throws {
        let store = try database.openForReading()
        let entries = try store.register(wave: wave, levels: level.isEmpty ? [.red, .orange, .yellow] : Set(level))
        if let output { try AuditedExport.record(store, "warning register of wave \(wave)", path: output, rows: entries.count) }
        let list = IdentifiedLists.register(entries)
        let rollup = IdentifiedLists.rollup(RegisterRollup.compute(entries))
        switch ListingFormat.resolve(format, output: output, fallback: .table) {
        case .xlsx:
            let strings = WorkbookStrings(language: lang)
            let headings = ColumnHeadings(language: lang)
            try files.writeWorkbook(
                [
                    ListingWorkbook.sheet(list, name: strings.registerSheet, headings: headings),
                    ListingWorkbook.sheet(rollup, name: strings.rollupSheet, headings: headings, renamed: ["level": strings.unitLevel]),
                ], to: output)
        case .csv:
            try files.writeCSV(list.records, to: output)
        case .table:
            try files.write(list.table + "\nCounts by class, grade and school\n" + rollup.table, to: output)
        case .json:
            let json = JSONValue.object([
                ("wave", .string(wave)), ("students", .array(list.jsonObjects)), ("rollup", .array(rollup.jsonObjects)),
            ])
            try files.write(json.rendered(), to: output)
        }
    }
}

extension WarningLevel: ExpressibleByArgument {}
