import ArgumentParser
import PsyScreen

/// Where rejected records go: `--errors FILE` (CSV: line, column, value, reason) or stderr, one line each.
enum ProblemOutput {
    static func write(_ problems: [PaperResultsLayout.Problem], file: String, errorsPath: String?) throws {
        if let errorsPath {
            try OutputFile.writeCSV([RowProblemReport.csvHeader] + problems.map(RowProblemReport.record), to: errorsPath)
        } else {
            for problem in problems { printError(RowProblemReport.line(problem, file: file)) }
        }
    }
}
