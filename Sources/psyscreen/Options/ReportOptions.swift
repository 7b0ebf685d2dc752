import ArgumentParser
import PsyScreen

/// Options shared by `report` and `merge`: format, output, k.
struct ReportOptions: ParsableArguments {
    @Option(help: "table, csv, json, html, md or xlsx (default: xlsx when the output name ends in .xlsx, else table).")
    var format: CohortReportFormat?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("min-cell"), help: "Minimum cell size k: counts 1…k−1 are hidden (at least 5).")
    var minCell: Int = MinimumCellSize.standard.k

    /// The validated k; throws below the floor.
    func threshold() throws -> MinimumCellSize {
        try MinimumCellSize(minCell)
    }

    /// The report's output, anonymized.
    var outputFile: CommandFiles.Output { .init("-o", output, .shareable) }

    /// Writes the report to `-o` (declared in `files` with ``outputFile``).
    func write(_ report: CohortReport, files: CommandFiles, language: Language) throws {
        let format = self.format ?? (output?.lowercased().hasSuffix(".xlsx") == true ? .xlsx : .table)
        if format.isBinary { try CommandFiles.refuseBinaryOnTerminal(output) }
        let parts = try format.renderParts(report, language: language)
        try files.write(to: output) { writer in
            for part in parts { try writer.output.write(part) }
        }
    }
}

extension CohortReportFormat: ExpressibleByArgument {}
