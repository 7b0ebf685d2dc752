import ArgumentParser
import Foundation
import PsyScreen

/// Options shared by `report` and `merge`: format, output, k, language.
struct ReportOptions: ParsableArguments {
    @Option(help: "table, csv, json, html or md.")
    var format: CohortReportFormat = .table

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("min-cell"), help: "Minimum cell size k: counts 1…k−1 are hidden (at least 5).")
    var minCell: Int = MinimumCellSize.standard.k

    @Option(help: "Language of table, md and html: zh-Hans or en.")
    var lang: String = "zh-Hans"

    /// The validated k; exits with status 2 below the floor.
    func threshold() throws -> MinimumCellSize {
        do {
            return try MinimumCellSize(minCell)
        } catch {
            throw failure("error: \(error.description)")
        }
    }

    /// `inputs`: files the run reads, never overwritten. A draft is owner-only.
    func write(_ report: CohortReport, inputs: [String] = []) throws {
        let mode: mode_t = report.stamp.draft == true ? 0o600 : 0o644
        try OutputFile.write(format.render(report, language: lang), to: output, mode: mode, inputs: inputs)
    }
}

extension CohortReportFormat: ExpressibleByArgument {}
