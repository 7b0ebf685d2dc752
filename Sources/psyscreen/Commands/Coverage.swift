import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Coverage: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Screening coverage of a wave: screened / enrolled per school, grade or class.",
        discussion: """
            enrolled counts students with status enrolled; screened those of them whose latest attempt in the wave \
            has a score on every instrument (a prorated score counts). Students on leave or internship are shown \
            apart, outside the denominator; coverage never passes 100 %.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The screening wave.")
    var wave: String

    @Option(help: "school, grade or class.")
    var by: CoverageTable.Level = .school

    @Option(help: "table, csv, json or xlsx (default: xlsx when the output name ends in .xlsx, else table).")
    var format: ListingFormat?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var headers: HeadersOption
    @OptionGroup var lang: LanguageOption

    /// Counts per unit, no names: anonymized.
    var files: CommandFiles { CommandFiles(database: database.resolvedPath, outputs: [.init("-o", output, .shareable)]) }

    func run(in language: Language) throws {
        let format = ListingFormat.resolve(self.format, output: output, fallback: .table)
        let presentation = try headers.presentation(format, in: language)
        let store = try database.openForReading()
        if try !store.waveExists(wave) {
            printWarning(CommandMessage.waveHasNoScreenings(wave, known: try store.waves()), in: language)
        }
        let rows = try store.coverage(wave: wave, by: by)
        let tabulation = CoverageReport.tabulate(rows, level: by, presentation)
        try files.write(
            tabulation, format: format, to: output,
            workbook: {
                [ListingWorkbook.sheet(tabulation, name: WorkbookText.coverageSheet.text(in: language), language: language)]
            }
        ) {
            CoverageReport.json(rows, level: by, wave: wave)
        }
    }
}

extension CoverageTable.Level: ExpressibleByArgument {}
