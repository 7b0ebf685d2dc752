/// The row-level error report of `score` and `import`: every problem with its physical line, field, column,
/// value and reason — as lines for a terminal, or as CSV for `--errors FILE` (the column names stay the same in
/// every language; the reason is in the chosen one; for a worksheet, `line` is the row and `field` the column,
/// A being 1).
package enum RowProblemReport {
    package static let csvHeader = ["line", "field", "column", "value", "reason"]

    /// `FILE:LINE:FIELD: error: column phq9_3: '4' is not one of the options (0, 1, 2, 3)`, or
    /// `FILE!SHEET:F12: error: …` for a worksheet.
    package static func line(_ problem: RecordProblem, positions: InputPositions, language: Language) -> String {
        Diagnostic(at: positions.location(line: problem.line, field: problem.field), message(problem)).text(in: language)
    }

    /// The message of ``line(_:positions:language:)`` after the place.
    package static func message(_ problem: RecordProblem) -> RecordMessage {
        .located(
            line: problem.line, column: problem.column.isEmpty ? nil : problem.column,
            value: problem.value.isEmpty && problem.column.isEmpty ? nil : problem.value, reason: problem.reason)
    }

    package static func record(_ problem: RecordProblem, language: Language) -> [String] {
        [
            String(problem.line), problem.field.map(String.init) ?? "", problem.column, problem.value,
            problem.reason.text(in: language),
        ]
    }
}
