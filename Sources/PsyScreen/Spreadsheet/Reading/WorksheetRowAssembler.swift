/// Turns the events of a worksheet part into rows of text cells (``SheetRowBatch``), in sheet order.
///
/// - Cells become the text Excel would save as CSV (``CellText``): shared and inline strings as they are, numbers
///   without a needless `.0`, dates as ISO dates, booleans as `TRUE`/`FALSE`, error values as shown (`#N/A`), a
///   formula by its cached result (or `=FORMULA` when the file has none, so that it is not taken for a blank).
/// - Cells are placed by their reference (`r="D7"`), so gaps stay gaps; rows missing between two rows are handed
///   out as blank rows, as a CSV of the sheet would have them. Rows before the first row with a value are skipped:
///   that row is the header.
/// - `<mergeCell>` ranges (stored after the cells) are collected for the caller to judge.
final class WorksheetRowAssembler: XMLStreamHandler {
    private let name: String
    private let strings: SharedStrings
    private let styles: CellStyles
    private let date1904: Bool
    private let limits: WorkbookLimits

    private(set) var merges: [CellRange] = []
    /// The header's row number, once a row with a value was read.
    private var headerRow: Int?

    // Touched for every cell, by one thread: the exclusivity checks Swift would make on each access cost more
    // than the rest of the cell's work, and nothing here is ever accessed overlapping.
    @exclusivity(unchecked) private var batch = SheetRowBatch()
    @exclusivity(unchecked) private var place = Place.outside
    @exclusivity(unchecked) private var lastRow = 0
    @exclusivity(unchecked) private var rowNumber = 0
    @exclusivity(unchecked) private var rowFirstCell = 0
    @exclusivity(unchecked) private var rowTextStart = 0
    @exclusivity(unchecked) private var rowCells = 0
    /// Where a cell without a reference goes: right of the previous one.
    @exclusivity(unchecked) private var nextColumn = 0
    // The cell being read:
    @exclusivity(unchecked) private var cellColumn = 0
    @exclusivity(unchecked) private var cellType = CellType.number
    @exclusivity(unchecked) private var cellStyle = 0
    @exclusivity(unchecked) private var value: [UInt8] = []
    @exclusivity(unchecked) private var formula: [UInt8] = []
    @exclusivity(unchecked) private var hasValue = false
    @exclusivity(unchecked) private var phoneticDepth = 0

    private enum Place {
        case outside, sheetData, row, cell, value, inline, inlineText, formula, mergeCells

        /// Whether a row has started and not ended (its cells so far belong to the next batch). Not in
        /// `<mergeCells>`, which comes after the rows: its ranges can span chunks, and the parser can stop there.
        var isInsideARow: Bool {
            switch self {
            case .row, .cell, .value, .inline, .inlineText, .formula: true
            case .outside, .sheetData, .mergeCells: false
            }
        }
    }

    private enum CellType {
        case number, shared, inline, string, boolean, error, isoDate
    }

    /// - Parameter name: the sheet in messages (`book.xlsx!Sheet1`).
    init(name: String, strings: SharedStrings, styles: CellStyles, date1904: Bool, limits: WorkbookLimits) {
        self.name = name
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        self.limits = limits
        value.reserveCapacity(64)
    }

    /// The rows completed since the last call; `recycling`'s storage is reused for the next ones. A row still
    /// being read stays behind (its cells move to the front of the new batch).
    func takeRows(recycling spare: SheetRowBatch) -> SheetRowBatch {
        var next = spare
        next.rows.removeAll(keepingCapacity: true)
        next.text.removeAll(keepingCapacity: true)
        next.spans.removeAll(keepingCapacity: true)
        if place.isInsideARow {
            let textStart = rowTextStart
            next.text.append(contentsOf: batch.text[textStart...])
            for offset in batch.spans[(2 * rowFirstCell)...] { next.spans.append(offset - textStart) }
            batch.text.removeSubrange(textStart...)
            batch.spans.removeSubrange((2 * rowFirstCell)...)
            rowFirstCell = 0
            rowTextStart = 0
        }
        let done = batch
        batch = next
        return done
    }

    func startElement(_ name: Span<UInt8>) throws {
        switch place {
        case .row where name.is("c"):
            place = .cell
            cellColumn = nextColumn
            cellType = .number
            cellStyle = 0
            hasValue = false
            // Emptied only when used: removeAll costs more than the rest of a small cell.
            if !value.isEmpty { value.removeAll(keepingCapacity: true) }
            if !formula.isEmpty { formula.removeAll(keepingCapacity: true) }
        case .cell where name.is("v"):
            place = .value
            hasValue = true
        case .cell where name.is("is"):
            place = .inline
            hasValue = true
        case .cell where name.is("f"):
            place = .formula
        case .inline, .inlineText:
            if name.is("rPh") { phoneticDepth += 1 } else if name.is("t") && phoneticDepth == 0 { place = .inlineText }
        case .sheetData where name.is("row"):
            try startRow()
        case .outside where name.is("sheetData"):
            place = .sheetData
        case .outside where name.is("mergeCells"):
            place = .mergeCells
        default:
            break
        }
    }

    func attribute(_ name: Span<UInt8>, _ value: Span<UInt8>) throws {
        switch place {
        case .cell:
            if name.is("r") {
                guard let parsed = CellReference.parse(value), let column = parsed.column else {
                    throw problem(column: nil, .badCellReference(InputExcerpt.quote(value.string)))
                }
                guard column >= nextColumn else {
                    throw problem(column: column, .cellOutOfOrder("\(CellReference(column: column, row: rowNumber))"))
                }
                cellColumn = column
            } else if name.is("t") {
                cellType =
                    if value.is("s") { .shared } else if value.is("inlineStr") { .inline } else if value.is("str") {
                        .string
                    } else if value.is("b") { .boolean } else if value.is("e") { .error } else if value.is("d") { .isoDate } else
                    { .number }
            } else if name.is("s") {
                cellStyle = Self.integer(value) ?? 0
            }
        case .row:
            if name.is("r") {
                guard let number = Self.integer(value), number > lastRow, number <= limits.rows else {
                    if let number = Self.integer(value), number > 0 { rowNumber = number }
                    throw problem(column: nil, .rowOutOfOrder(InputExcerpt.quote(value.string), after: lastRow))
                }
                rowNumber = number
            }
        case .mergeCells:
            if name.is("ref"), let range = CellRange(value.string), merges.count < 100_000 { merges.append(range) }
        default:
            break
        }
    }

    func endElement(_ name: Span<UInt8>) throws {
        switch place {
        case .value where name.is("v"), .formula where name.is("f"):
            place = .cell
        case .inlineText where name.is("t"):
            place = .inline
        case .inline, .inlineText:
            if name.is("rPh") { phoneticDepth -= 1 } else if name.is("is") { place = .cell }
        case .cell where name.is("c"):
            place = .row
            try endCell()
        case .row where name.is("row"):
            place = .sheetData
            endRow()
        case .sheetData where name.is("sheetData"), .mergeCells where name.is("mergeCells"):
            place = .outside
        default:
            break
        }
    }

    func text(_ bytes: Span<UInt8>) throws {
        switch place {
        case .value, .inlineText: try append(bytes, to: &value)
        case .formula: try append(bytes, to: &formula)
        default: break
        }
    }

    private func append(_ bytes: Span<UInt8>, to buffer: inout [UInt8]) throws {
        guard buffer.count + bytes.count <= limits.cellBytes else {
            throw problem(column: cellColumn, .cellTooLong(limit: UInt64(limits.cellBytes)))
        }
        bytes.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
    }

    private func startRow() throws {
        place = .row
        rowNumber = lastRow + 1
        guard rowNumber <= limits.rows else { throw problem(column: nil, .tooManyRows(limits.rows)) }
        rowFirstCell = batch.spans.count / 2
        rowTextStart = batch.text.count
        rowCells = 0
        nextColumn = 0
    }

    private func endRow() {
        if headerRow == nil {
            // Rows above the first row with a value are not part of the table.
            guard rowCells > 0 else {
                lastRow = rowNumber
                batch.spans.removeSubrange((2 * rowFirstCell)...)
                batch.text.removeSubrange(rowTextStart...)
                return
            }
            headerRow = rowNumber
        } else {
            // Rows absent from the part are blank rows of the sheet.
            for missing in (lastRow + 1)..<rowNumber {
                batch.rows.append(.init(number: missing, firstCell: rowFirstCell, cellCount: 0))
            }
        }
        batch.rows.append(.init(number: rowNumber, firstCell: rowFirstCell, cellCount: rowCells))
        lastRow = rowNumber
    }

    /// Writes the finished cell's text at its column, after empty cells for any gap before it.
    private func endCell() throws {
        nextColumn = cellColumn + 1
        let start = batch.text.count
        if hasValue {
            switch cellType {
            case .number:
                if !CellText.appendNumber(value, format: styles[cellStyle], date1904: date1904, to: &batch.text) {
                    batch.text.append(contentsOf: value)
                }
            case .shared:
                guard let index = Self.integer(value), let range = strings.range(index) else {
                    throw problem(
                        column: cellColumn,
                        .noSuchSharedString(InputExcerpt.quote(String(decoding: value, as: UTF8.self)), count: strings.count))
                }
                batch.text.append(contentsOf: strings.bytes[range])
            case .inline, .string:
                batch.text.append(contentsOf: CellText.unescapingOOXML(value))
            case .boolean:
                batch.text.append(contentsOf: value == [UInt8(ascii: "1")] ? Array("TRUE".utf8) : Array("FALSE".utf8))
            case .error:
                batch.text.append(contentsOf: value)
            case .isoDate:
                // Strict OOXML stores dates as text; a midnight time adds nothing to a date.
                var date = value
                if date.count == 19, date.suffix(9).elementsEqual("T00:00:00".utf8) { date.removeLast(9) }
                batch.text.append(contentsOf: date)
            }
        } else if !formula.isEmpty {
            batch.text.append(UInt8(ascii: "="))
            batch.text.append(contentsOf: formula)
        }
        guard batch.text.count > start else { return }
        for _ in rowCells..<cellColumn { batch.spans.append(contentsOf: [start, start]) }
        batch.spans.append(start)
        batch.spans.append(batch.text.count)
        rowCells = cellColumn + 1
    }

    private func problem(column: Int?, _ message: SpreadsheetMessage) -> InputError {
        InputError(at: .cell(name, row: max(rowNumber, 1), column: column.map { $0 + 1 }), message)
    }

    /// A non-negative decimal integer of up to 18 digits.
    private static func integer(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var result = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            result = result * 10 + Int(digit)
        }
        return result
    }

    private static func integer(_ span: Span<UInt8>) -> Int? {
        span.withUnsafeBufferPointer { integer($0) }
    }
}
