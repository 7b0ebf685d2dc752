import ArgumentParser
import PsyScreen

/// Where rejected records go: `--errors FILE` (CSV: line, column, value, reason; owner-only, as it quotes IDs
/// and answers) or stderr, one line each.
enum ProblemOutput {
    /// `errors`: the `--errors` file, opened before any work (so that a path that cannot be written stops the run
    /// before anything is stored); `nil` for stderr.
    static func write(_ problems: [PaperResultsLayout.Problem], file: String, to errors: OutputFile?) throws {
        guard let errors else {
            for problem in problems { printError(RowProblemReport.line(problem, file: file)) }
            return
        }
        let writer = CSVWriter(fileDescriptor: errors.fileDescriptor, name: errors.path)
        do {
            try writer.writeRecord(RowProblemReport.csvHeader)
            // The column names and values came from the input.
            for problem in problems { try writer.writeRecord(RowProblemReport.record(problem), neutralizingFormulas: true) }
            try writer.flush()
            try errors.commit()
        } catch {
            errors.discard()
            throw error
        }
    }
}
