/// A rectangle of cells (`A1:C3`), as a merge is stored.
package struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// Top-left.
    package var first: CellReference
    /// Bottom-right.
    package var last: CellReference

    package init(first: CellReference, last: CellReference) {
        self.first = CellReference(column: min(first.column, last.column), row: min(first.row, last.row))
        self.last = CellReference(column: max(first.column, last.column), row: max(first.row, last.row))
    }

    /// Parses `A1:C3`, or `B7` for a range of one cell.
    package init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        func cell(_ part: Substring) -> CellReference? {
            let bytes = Array(part.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                guard let parsed = CellReference.parse(buffer.span), let column = parsed.column, let row = parsed.row
                else { return nil }
                return CellReference(column: column, row: row)
            }
        }
        guard let first = cell(parts[0]), let last = parts.count == 2 ? cell(parts[1]) : first else { return nil }
        self.init(first: first, last: last)
    }

    /// `A1:C3` (`B7` for one cell).
    package var description: String { first == last ? "\(first)" : "\(first):\(last)" }

    /// Whether the range covers any cell of `row`.
    package func covers(row: Int) -> Bool { (first.row...last.row).contains(row) }
}
