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


    @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.")
    var output: String?

    @OptionGroup var headers: HeadersOption
    @OptionGroup var lang: LanguageOption

    var files: CommandFiles { CommandFiles(database: database.resolvedPath, outputs: [.init("-o", output, .ownerOnly)]) }

    func run(in language: Language) throws {
        let format = ListingFormat.resolve(self.format, output: output, fallback: .table)
        let presentation = try headers.presentation(format, in: language)
        let store = try database.openForReading()
        let entries = try store.register(wave: wave, levels: level.isEmpty ? [.red, .orange, .yellow] : Set(level))
        if let output { try AuditedExport.record(store, .register(wave: wave), path: output, rows: entries.count, language: language) }
        let list = IdentifiedLists.register(entries, presentation)
        let rollup = IdentifiedLists.rollup(RegisterRollup.compute(entries), presentation)
        switch format {
        case .xlsx:
            try files.writeWorkbook(
                [
                    ListingWorkbook.sheet(list, name: WorkbookText.registerSheet.text(in: language), language: language),
                    ListingWorkbook.sheet(rollup, name: WorkbookText.rollupSheet.text(in: language), language: language),
                ], to: output)
        case .csv:
            try files.writeCSV(list.records, to: output)
        case .table:
            try files.write(list.table + "\n" + CommandMessage.rollupHeading.text(in: language) + "\n" + rollup.table, to: output)
        case .json:
            let json = JSONValue.object([
                ("wave", .string(wave)), ("students", .array(list.jsonObjects)), ("rollup", .array(rollup.jsonObjects)),
            ])
            try files.write(json.rendered(), to: output)
        }
    }
}

extension WarningLevel: ExpressibleByArgument {}
