/// One worksheet to write: a header row and rows of cells, with what makes it pleasant to fill in or read in
/// Excel (a frozen header, text columns, drop-down lists, widths that fit Chinese text).
package struct SpreadsheetTable: Sendable {
    /// One cell's value. Numbers are written as numbers, so that Excel sums and sorts them.
    package enum Cell: Hashable, Sendable {
        case text(String)
        case integer(Int)
        case number(Double)
        case empty
    }

    /// A drop-down list of the values a column accepts; Excel refuses anything else at typing time.
    package struct ListValidation: Hashable, Sendable {
        /// The values, in list order (`0`…`3`). Excel keeps the list within 255 characters.
        package var values: [String]
        /// The title and text of the message Excel shows for a wrong value.
        package var errorTitle: String
        package var error: String

        package init(values: [String], errorTitle: String, error: String) {
            self.values = values
            self.errorTitle = errorTitle
            self.error = error
        }
    }

    package struct Column: Hashable, Sendable {
        package var header: String
        /// Stored and typed as text (`@`), so `000123` keeps its zeros and a long number is not rounded.
        package var isText: Bool
        /// Text wraps inside the cell (for long sentences).
        package var wraps: Bool
        package var validation: ListValidation?
        /// Width in Excel's units (about one Latin character); nil to fit the header and the values.
        package var width: Double?

        package init(
            _ header: String, isText: Bool = false, wraps: Bool = false, validation: ListValidation? = nil, width: Double? = nil
        ) {
            self.header = header
            self.isText = isText
            self.wraps = wraps
            self.validation = validation
            self.width = width
        }
    }

    /// The tab's name: at most 31 characters, none of `[]:*?/\`.
    package var name: String
    package var columns: [Column]
    package var rows: [[Cell]]
    /// The header row stays in view while scrolling.
    package var freezesHeader: Bool
    /// Rows below the header that get the columns' list validations (and text format), filled or not.
    package var entryRows: Int

    package init(name: String, columns: [Column], rows: [[Cell]] = [], freezesHeader: Bool = true, entryRows: Int = 0) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.freezesHeader = freezesHeader
        self.entryRows = entryRows
    }

    /// A sheet of headers and rows of strings (a rendered table): cells that read as plain numbers (`12`,
    /// `-3.5`, `40.0`) become numbers, others stay text; no ID-like column is turned into a number (`textColumns`).
    package static func converting(
        name: String, header: [String], rows: [[String]], textColumns: Set<Int> = []
    ) -> SpreadsheetTable {
        SpreadsheetTable(
            name: name,
            columns: header.enumerated().map { Column($0.element, isText: textColumns.contains($0.offset)) },
            rows: rows.map { row in
                row.enumerated().map { index, value in
                    textColumns.contains(index) ? (value.isEmpty ? .empty : .text(value)) : Cell.parsing(value)
                }
            })
    }
}

extension SpreadsheetTable.Cell {
    /// `""` is empty; a plain decimal number (no leading zero but `0.x`, no `+`, no exponent) is a number;
    /// anything else is text.
    package static func parsing(_ value: String) -> SpreadsheetTable.Cell {
        if value.isEmpty { return .empty }
        var digits = Substring(value)
        if digits.first == "-" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isPlain =
            !digits.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
            && !(parts[0].count > 1 && parts[0].first == "0") && parts[0].count <= 15
        guard isPlain else { return .text(value) }
        if parts.count == 1, let integer = Int(value) { return .integer(integer) }
        return Double(value).map { .number($0) } ?? .text(value)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
