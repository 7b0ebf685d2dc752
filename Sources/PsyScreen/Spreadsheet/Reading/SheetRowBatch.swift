/// Consecutive rows of a worksheet as text cells: the rows one chunk of the sheet completed, handed to the reader.
///
/// Every cell's UTF-8 text lies in ``text``; ``spans`` holds a start and an end offset per cell, cells dense from
/// column A of the row to its last cell with a value (an empty cell is an empty span). The layout is that of a
/// CSV record, so a row reads like one.
struct SheetRowBatch: Sendable {
    struct Row: Sendable {
        /// The row number Excel shows (1-based).
        var number: Int
        /// Index of the row's first cell in ``spans`` (in pairs).
        var firstCell: Int
        /// Cells from column A to the last with a value; 0 for a blank row.
        var cellCount: Int
    }

    var rows: [Row] = []
    var text: [UInt8] = []
    var spans: [Int] = []

    /// Cell `column` (0-based) of row `row` of the batch as bytes; empty past the row's last cell.
    func cellRange(row: Int, column: Int) -> Range<Int> {
        let entry = rows[row]
        guard column >= 0 && column < entry.cellCount else { return 0..<0 }
        let pair = 2 * (entry.firstCell + column)
        return spans[pair]..<spans[pair + 1]
    }

    /// Cell `column` of row `row` as a `String`.
    func string(row: Int, column: Int) -> String {
        String(decoding: text[cellRange(row: row, column: column)], as: UTF8.self)
    }
}
