import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Results: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Identified per-student results of a wave (counselors only; written owner-only).",
        discussion: "One row per student: the attempt that counts (the latest). Item answers, scores, bands, flags, the warning level, source and time.")

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
        CommandFiles(database: database.resolvedPath, instruments: instruments.directory, outputs: [.init("-o", output, .ownerOnly)])
    }

    func run(in language: Language) throws {
        let format = ListingFormat.resolve(self.format, output: output, fallback: .csv)
        let presentation = try headers.presentation(format == .table ? .csv : format, in: language)
        let catalog = try instruments.catalog(language: language)
        let store = try database.openForReading()
        let rows = try store.screenings(wave: wave).compactMap { screening in
            screening.attempt.map { (screening.student, $0) }
        }
        let battery = try columnsBattery(catalog, rows.first?.1.batteryID)
        try AuditedExport.record(store, .results(wave: wave), path: output, rows: rows.count, language: language)
        let tabulation = IdentifiedLists.results(rows, battery: battery, presentation)
        try files.write(
            tabulation, format: format == .table ? .csv : format, to: output,
            workbook: { [ListingWorkbook.sheet(tabulation, name: WorkbookText.resultsSheet.text(in: language), language: language)] }
        ) {
            JSONValue.object([("wave", .string(wave)), ("battery", .string(battery.id)), ("students", .array(tabulation.jsonObjects))]).rendered()
        }
        printError(CommandMessage.studentsWritten(rows.count, to: output).text(in: language))
    }

    /// `--battery`, else the battery the wave was screened with (an ad-hoc `phq9+gad7` is rebuilt from its ids).
    private func columnsBattery(_ catalog: InstrumentCatalog, _ used: String?) throws -> Battery {
        let id = battery ?? used ?? "annual"
        if let known = catalog.battery(id) { return known }
        return Battery.adHoc(try id.split(separator: "+").map { part throws(InputError) in try catalog.resolveInstrument(String(part)) })
    }
}
