/// The row-level error report of `score` and `import`: every problem with its physical line, field, column,
/// value and reason — as lines for a terminal, or as CSV for `--errors FILE` (the column names stay the same in
/// every language; the reason is in the chosen one).
package enum RowProblemReport {
    package static let csvHeader = ["line", "field", "column", "value", "reason"]

    /// `FILE:LINE:FIELD: error: column phq9_3: '4' is not one of the options (0, 1, 2, 3)`.
    package static func line(_ problem: RecordProblem, file: String, language: Language) -> String {
        Diagnostic(at: SourceLocation(file: file, line: problem.line, column: problem.field), message(problem)).text(in: language)
    }

    /// The message of ``line(_:file:language:)`` after the place.
    package static func message(_ problem: RecordProblem) -> RecordMessage {
        .located(
            line: problem.line, column: problem.column.isEmpty ? nil : problem.column,
            value: problem.value.isEmpty && problem.column.isEmpty ? nil : problem.value, reason: problem.reason)
    }

    package static func record(_ problem: RecordProblem, language: Language) -> [String] {
        [String(problem.line), problem.field.map(String.init) ?? "", problem.column, problem.value, problem.reason.text(in: language)]
    }
}
