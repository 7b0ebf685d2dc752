/// One thing wrong with a record of an input file (a paper-results sheet, a roster row), or one thing a
/// counselor must know about a sheet that is not used: printed as `FILE:LINE:COLUMN: error: …` on a terminal, or
/// as a row of the `--errors` CSV.
package struct RecordProblem: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable {
        /// Why the record is rejected.
        case rejection
        /// The record is not used (rejected, a repeat, not on the roster) and its answers raise a crisis flag: a
        /// counselor must look at the paper form and see the student today.
        case crisis
    }

    package var kind: Kind
    /// Physical line of the record in the file.
    package var line: Int
    /// 1-based field number of the column; nil for a problem of the whole record.
    package var field: Int?
    /// The column's header name; empty for a problem of the whole record.
    package var column: String
    /// The cell as given, shortened to an excerpt (``InputExcerpt``).
    package var value: String
    /// Why, in both languages: a predicate that reads after the quoted value (`is not a number`).
    package var reason: LocalizedText

    package init(
        _ kind: Kind = .rejection, line: Int, field: Int? = nil, column: String = "", value: String = "", reason: RecordMessage
    ) {
        self.init(kind, line: line, field: field, column: column, value: value, reason: reason.localized)
    }

    package init(_ kind: Kind, line: Int, field: Int?, column: String, value: String, reason: LocalizedText) {
        self.kind = kind
        self.line = line
        self.field = field
        self.column = column
        self.value = InputExcerpt.quote(value)
        self.reason = reason
    }
}
