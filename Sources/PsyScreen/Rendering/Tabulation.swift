/// A header and rows of strings: the one shape every tabular output has, rendered as a terminal table, CSV
/// records (written by the caller through `CSVWriter`) or JSON objects.
package struct Tabulation: Hashable, Sendable {
    package var header: [String]
    package var rows: [[String]]
    /// Columns holding numbers: right-aligned in tables, numbers in JSON.
    package var numericColumns: Set<Int>

    package init(header: [String], rows: [[String]], numericColumns: Set<Int> = []) {
        assert(rows.allSatisfy { $0.count == header.count }, "every row has a cell for each column")
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
    }

    package var table: String { TextTable.render([header] + rows, rightAligned: numericColumns) }

    /// Header then rows.
    package var records: [[String]] { [header] + rows }

    /// One JSON object per row, keys in column order; empty cells are null.
    package var jsonObjects: [JSONValue] {
        rows.map { Self.jsonObject(header: header, row: $0, numericColumns: numericColumns) }
    }

    /// The JSON object of one row (a listing written row by row uses this too).
    package static func jsonObject(header: [String], row: [String], numericColumns: Set<Int> = []) -> JSONValue {
        .object(
            zip(header, row).enumerated().map { index, pair in
                let (key, cell) = pair
                if cell.isEmpty { return (key, .null) }
                if numericColumns.contains(index), let number = Double(cell) {
                    return (key, number == number.rounded() ? .integer(Int(number)) : .number(number))
                }
                return (key, .string(cell))
            })
    }
}
