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
        let levels = level.isEmpty ? [.red, .orange, .yellow] : Set(level)
        var rollup = RegisterRollup.Tally()
        let times = TimestampCache()
        let listing = ListingOutput(
            header: IdentifiedLists.registerHeader(presentation), format: format, jsonBefore: [("wave", .string(wave))])
        try listing.write(
            to: files, path: output,
            rows: { emit in
                try store.forEachRegisterEntry(wave: wave, levels: levels) { entry in
                    rollup.add(entry)
                    try emit(IdentifiedLists.registerRow(entry, times: times, presentation))
                }
            },
            tableAfter: {
                "\n" + CommandMessage.rollupHeading.text(in: language) + "\n"
                    + IdentifiedLists.rollup(rollup.rows, presentation).table
            },
            jsonAfter: { [("rollup", .array(IdentifiedLists.rollup(rollup.rows, presentation).jsonObjects))] },
            workbook: { list in
                [
                    ListingWorkbook.sheet(list, name: WorkbookText.registerSheet.text(in: language), language: language),
                    ListingWorkbook.sheet(
                        IdentifiedLists.rollup(rollup.rows, presentation), name: WorkbookText.rollupSheet.text(in: language),
                        language: language),
                ]
            },
            beforeCommit: { rows in
                if let output {
                    try AuditedExport.record(store, .register(wave: wave), path: output, rows: rows, language: language)
                }
            })
    }
}

extension WarningLevel: ExpressibleByArgument {}
