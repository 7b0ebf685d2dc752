import ArgumentParser
import Foundation
import PsyScreen

struct Merge: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine schools' exchange files (psyscreen export) into one district or province report.",
        discussion: """
            Same statistics and disclosure control as `report`, at school and grade level and for the whole: means \
            and SDs exact from the sums, medians from the merged score histograms, alpha from the merged item sums. \
            The files hold what each school's disclosure pattern publishes; the whole shows a figure where every \
            school does.
            """)

    @OptionGroup var options: ReportOptions
    @OptionGroup var lang: LanguageOption

    @Argument(help: ArgumentHelp("Exchange files written by `psyscreen export`.", valueName: "files"))
    var exchangeFiles: [String]

    /// The exchange files are inputs: no `-o` may replace one.
    var files: CommandFiles { CommandFiles(inputs: exchangeFiles, outputs: [options.outputFile]) }

    func run(in language: Language) throws {
        let threshold = try options.threshold()
        var exchanges: [(name: String, exchange: CohortExchange)] = []
        for file in exchangeFiles {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CohortExchangeError(file: file, .cannotReadFile)
            }
            exchanges.append((file, try CohortExchange.decode(data, file: file)))
        }
        let merged = try CohortMerge.merge(exchanges, threshold: threshold)
        let report = CohortReportBuilder(threshold: try MinimumCellSize(merged.stamp.minimumCellSize))
            .report(merged.units, stamp: merged.stamp, columns: merged.columns)
        try options.write(report, files: files, language: language)
    }
}
