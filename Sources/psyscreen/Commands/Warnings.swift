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
        let levels = level.isEmpty ? [.red, .orange, .yellow] : Set(level)
        var rollup = RegisterRollup.Tally()
        let times = TimestampCache()
        let listing = ListingOutput(
            header: IdentifiedLists.registerHeader, format: ListingFormat.resolve(format, output: output, fallback: .table),
            jsonBefore: [("wave", .string(wave))])
        try listing.write(
            to: files, path: output,
            rows: { emit in
                try store.forEachRegisterEntry(wave: wave, levels: levels) { entry in
                    rollup.add(entry)
                    try emit(IdentifiedLists.registerRow(entry, times: times))
                }
            },
            tableAfter: { "\nCounts by class, grade and school\n" + IdentifiedLists.rollup(rollup.rows).table },
            jsonAfter: { [("rollup", .array(IdentifiedLists.rollup(rollup.rows).jsonObjects))] },
            workbook: { list in
                let strings = WorkbookStrings(language: lang)
                let headings = ColumnHeadings(language: lang)
                return [
                    ListingWorkbook.sheet(list, name: strings.registerSheet, headings: headings),
                    ListingWorkbook.sheet(
                        IdentifiedLists.rollup(rollup.rows), name: strings.rollupSheet, headings: headings,
                        renamed: ["level": strings.unitLevel]),
                ]
            },
            beforeCommit: { rows in
                if let output { try AuditedExport.record(store, "warning register of wave \(wave)", path: output, rows: rows) }
            })
    }
}

extension WarningLevel: ExpressibleByArgument {}
