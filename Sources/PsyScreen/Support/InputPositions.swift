/// How places in one input are named in messages: a text file's `FILE:LINE:FIELD`, or a worksheet's
/// `FILE!SHEET:B12` (the cell reference Excel shows, so that a counselor finds the cell).
package struct InputPositions: Hashable, Sendable {
    /// The input in messages: `results.csv`, `<stdin>`, `book.xlsx!成绩`.
    package var name: String
    /// Positions are worksheet cells: the line is the row, the field the column (A is 1).
    package var cells: Bool

    package init(name: String, cells: Bool = false) {
        self.name = name
        self.cells = cells
    }

    /// Field `field` (1-based; nil for the whole record) of the record on `line`.
    package func location(line: Int, field: Int? = nil) -> SourceLocation {
        cells ? .cell(name, row: line, column: field) : SourceLocation(file: name, line: line, column: field)
    }
}
