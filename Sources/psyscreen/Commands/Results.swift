import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Results: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Identified per-student results of a wave (counselors only; written owner-only).",
        discussion:
            "One row per student: the attempt that counts (the latest). Item answers, scores, bands, flags, the warning level, source and time."
    )

    @OptionGroup var instruments: InstrumentOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: "The screening wave.")
    var wave: String

    @Option(help: "The battery whose columns to write (default: the one the wave's screenings used).")
    var battery: String?

    @Option(help: "csv, json or xlsx (default: xlsx when the output name ends in .xlsx, else csv).")
    var format: ListingFormat?

    @Option(name: .shortAndLong, help: "The output file (mode 0600); - for standard output.")
    var output: String

    @OptionGroup var headers: HeadersOption
    @OptionGroup var lang: LanguageOption

    var files: CommandFiles {
        CommandFiles(
            database: database.resolvedPath, instruments: instruments.directory, outputs: [.init("-o", output, .ownerOnly)])
    }

    func run(in language: Language) throws {
        let format = ListingFormat.resolve(self.format, output: output, fallback: .csv)
        let presentation = try headers.presentation(format == .table ? .csv : format, in: language)
        let catalog = try instruments.catalog(language: language)
        let store = try database.openForReading()
        let battery = try columnsBattery(catalog, try store.firstBattery(wave: wave))
        let layout = IdentifiedLists.ResultsLayout(battery, presentation)
        let listing = ListingOutput(
            header: layout.header, format: format == .table ? .csv : format,
            jsonBefore: [("wave", .string(wave)), ("battery", .string(battery.id))])
        var count = 0
        try listing.write(
            to: files, path: output,
            rows: { emit in
                try store.forEachScreening(wave: wave, where: { _, counting in counting.attemptID != nil }) { screening in
                    guard let attempt = screening.attempt else { return }
                    try emit(layout.row(screening.student, attempt))
                }
            },
            workbook: { tabulation in
                [ListingWorkbook.sheet(tabulation, name: WorkbookText.resultsSheet.text(in: language), language: language)]
            },
            beforeCommit: { rows in
                count = rows
                try AuditedExport.record(store, .results(wave: wave), path: output, rows: rows, language: language)
            })
        printError(CommandMessage.studentsWritten(count, to: output).text(in: language))
    }

    /// `--battery`, else the battery the wave was screened with (an ad-hoc `phq9+gad7` is rebuilt from its ids).
    private func columnsBattery(_ catalog: InstrumentCatalog, _ used: String?) throws -> Battery {
        let id = battery ?? used ?? "annual"
        if let known = catalog.battery(id) { return known }
        return Battery.adHoc(
            try id.split(separator: "+").map { part throws(InputError) in try catalog.resolveInstrument(String(part)) })
    }
}
