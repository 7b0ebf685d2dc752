/// The row-level error report of `score` and `import`: every problem with its physical line, field, column,
/// value and reason — as lines for a terminal, or as CSV for `--errors FILE`.
package enum RowProblemReport {
    package static let csvHeader = ["line", "field", "column", "value", "reason"]

    /// `FILE:LINE:FIELD: error: column phq9_3: '4' is not one of the options (0, 1, 2, 3)`.
    package static func line(_ problem: RecordProblem, file: String) -> String {
        var message = ""
        if !problem.column.isEmpty { message += "column \(InputExcerpt.quote(problem.column)): " }
        if !problem.value.isEmpty || !problem.column.isEmpty { message += "'\(problem.value)' " }
        message += problem.reason
        return Diagnostic(at: SourceLocation(file: file, line: problem.line, column: problem.field), message).description
    }

    package static func record(_ problem: RecordProblem) -> [String] {
        [String(problem.line), problem.field.map(String.init) ?? "", problem.column, problem.value, problem.reason]
    }
}
