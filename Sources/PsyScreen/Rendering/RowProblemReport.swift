/// The row-level error report of `score` and `import`: every problem with its physical line, field, column,
/// value and reason — as lines for a terminal, or as CSV for `--errors FILE` (for a worksheet, `line` is the row
/// and `field` the column, A being 1).
package enum RowProblemReport {
    package static let csvHeader = ["line", "field", "column", "value", "reason"]

    /// `FILE:LINE:FIELD: error: column phq9_3: '4' is not one of the options (0, 1, 2, 3)`, or
    /// `FILE!SHEET:F12: error: …` for a worksheet.
    package static func line(_ problem: RecordProblem, positions: InputPositions) -> String {
        var message = ""
        if !problem.column.isEmpty { message += "column \(InputExcerpt.quote(problem.column)): " }
        if !problem.value.isEmpty || !problem.column.isEmpty { message += "'\(problem.value)' " }
        message += problem.reason
        return Diagnostic(at: positions.location(line: problem.line, field: problem.field), message).description
    }

    package static func record(_ problem: RecordProblem) -> [String] {
        [String(problem.line), problem.field.map(String.init) ?? "", problem.column, problem.value, problem.reason]
    }
}
