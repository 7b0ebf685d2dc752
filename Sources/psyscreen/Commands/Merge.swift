import ArgumentParser
import Foundation
import PsyScreen

struct Merge: ParsableCommand {
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

    @Argument(help: "Exchange files written by `psyscreen export`.")
    var files: [String]

    func run() throws {
        let threshold = try options.threshold()
        var exchanges: [(name: String, exchange: CohortExchange)] = []
        do {
            for file in files {
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: file))
                } catch {
                    throw CohortExchangeError(file: file, message: "cannot read the file")
                }
                exchanges.append((file, try CohortExchange.decode(data, file: file)))
            }
            let merged = try CohortMerge.merge(exchanges, threshold: threshold)
            let report = CohortReportBuilder(threshold: try MinimumCellSize(merged.stamp.minimumCellSize))
                .report(merged.units, stamp: merged.stamp, columns: merged.columns)
            try options.write(report, inputs: files)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw failure("\(error)")
        }
    }
}
