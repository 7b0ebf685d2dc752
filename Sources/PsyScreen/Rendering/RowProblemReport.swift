/// The row-level error report of `score` and `import`: every rejected record with its physical line, the column,
/// the value and the reason — as lines for a terminal, or as CSV for `--errors FILE`.
package enum RowProblemReport {
    package static let csvHeader = ["line", "column", "value", "reason"]

    /// `FILE:LINE: error: column phq9_3: '4' is not one of the options (0, 1, 2, 3)`.
    package static func line(_ problem: PaperResultsLayout.Problem, file: String) -> String {
        var message = ""
        if !problem.column.isEmpty { message += "column \(problem.column): " }
        if !problem.value.isEmpty || !problem.column.isEmpty { message += "'\(problem.value)' " }
        message += problem.reason
        return Diagnostic(at: SourceLocation(file: file, line: problem.line), message).description
    }

    package static func record(_ problem: PaperResultsLayout.Problem) -> [String] {
        [String(problem.line), problem.column, problem.value, problem.reason]
    }
}
