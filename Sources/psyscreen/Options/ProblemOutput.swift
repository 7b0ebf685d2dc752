import ArgumentParser
import PsyScreen

/// Where rejected records go: `--errors FILE` (CSV: line, column, value, reason; owner-only, as it quotes IDs
/// and answers) or stderr, one line each.
enum ProblemOutput {
    static func write(_ problems: [PaperResultsLayout.Problem], file: String, errorsPath: String?, files: CommandFiles) throws {
        if let errorsPath {
            try files.writeCSV([RowProblemReport.csvHeader] + problems.map(RowProblemReport.record), to: errorsPath)
        } else {
            for problem in problems { printError(RowProblemReport.line(problem, file: file)) }
        }
    }
}
