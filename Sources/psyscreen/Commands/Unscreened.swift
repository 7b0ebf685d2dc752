import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Unscreened: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "unscreened",
        abstract: "The identified list of enrolled students not yet screened in a wave, by class (counselors only).",
        discussion:
            "Includes students who started but were not scored (partial) and who refused. Files are written owner-only (0600).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The screening wave.")
    var wave: String

    @Option(help: "Only this school.") var school: String?
    @Option(help: "Only this grade.") var grade: String?
    @Option(name: .customLong("class"), help: "Only this class.") var className: String?

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
        let units = RosterUnits(school: school, grade: grade, className: className, enrolledOnly: true)
        let listing = ListingOutput(
            header: IdentifiedLists.unscreenedHeader(presentation), format: format, jsonBefore: [("wave", .string(wave))])
        try listing.write(
            to: files, path: output,
            rows: { emit in
                try store.forEachScreening(
                    wave: wave, units: units, withAttempts: false, where: { _, counting in counting.state != .screened }
                ) { screening in
                    try emit(IdentifiedLists.unscreenedRow(screening.student, screening.state, presentation))
                }
            },
            workbook: { tabulation in
                [ListingWorkbook.sheet(tabulation, name: WorkbookText.unscreenedSheet.text(in: language), language: language)]
            },
            beforeCommit: { rows in
                if let output {
                    try AuditedExport.record(store, .unscreened(wave: wave), path: output, rows: rows, language: language)
                }
            })
    }
}
