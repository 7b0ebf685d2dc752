/// A position in an input file, as shown to the person who has to fix the file.
///
/// Lines and columns are 1-based. A column is `nil` where the source cannot tell it (libxml2 gives columns for
/// syntax errors only). In a spreadsheet the line is the row and the position is shown as Excel names the cell.
package struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int?
    /// Shown as a cell reference (`book.xlsx!Sheet1:B12`) rather than `FILE:LINE:COLUMN`.
    package var isSpreadsheetCell = false

    package init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A cell of a worksheet: `file` names the workbook and the sheet (`book.xlsx!Sheet1`), `row` is 1-based as in
    /// Excel, `column` 1-based (A is 1) or nil for the whole row.
    package static func cell(_ file: String, row: Int, column: Int?) -> SourceLocation {
        var location = SourceLocation(file: file, line: row, column: column)
        location.isSpreadsheetCell = true
        return location
    }

    /// `FILE:LINE:COLUMN`, or `FILE:LINE` when the column is unknown; `FILE!SHEET:B12` (or `FILE!SHEET:12` for a
    /// whole row) in a spreadsheet.
    package var description: String {
        if isSpreadsheetCell, let column { return "\(file):\(CellReference(column: column - 1, row: line))" }
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}
