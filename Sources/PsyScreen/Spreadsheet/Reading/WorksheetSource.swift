/// A worksheet as a ``RowSource``: its rows become records of text cells, read by the same paper-results and
/// roster readers as CSV records, so that a workbook and the CSV of the same data give the same results.
///
/// Records are as wide as the header (the first row with a value, up to its last cell with a value): a short row
/// is padded with empty cells, and cells right of the header's last column are not read (they have no column
/// name; in a worksheet they cannot shift the cells before them, as an extra comma shifts a CSV record). Places
/// are named as Excel shows them (`book.xlsx!成绩:D12`). Merged cells in the header row are refused, at the end
/// of the sheet (where Excel stores merges) or as soon as the header itself is refused.
package final class WorksheetSource: RowSource {
    private let stream: SheetRowStream
    private let builder = RecordBuilder()
    private var width: Int?
    private var finished = false

    /// Opens `sheet` of the workbook at `path` (nil: the first visible worksheet).
    package init(path: String, sheet: String?, limits: WorkbookLimits = WorkbookLimits()) throws {
        stream = try SheetRowStream(path: path, sheet: sheet, limits: limits)
    }

    /// `book.xlsx!成绩`.
    package var name: String { stream.name }
    package var encodingName: LocalizedText { SpreadsheetMessage.sheetSource(stream.sheetName).localized }
    package var positions: InputPositions { InputPositions(name: stream.name, cells: true) }
    package var section: String? { stream.sheetName }

    /// Progress in bytes of the workbook file: the share of the sheet inflated so far.
    package var bytesRead: Int {
        guard stream.partSize > 0 else { return 0 }
        return Int(Double(stream.fileSize) * min(Double(stream.bytesInflated) / Double(stream.partSize), 1))
    }

    package func next() throws -> TableRecord? {
        guard try stream.nextRow() else {
            if !finished {
                finished = true
                if let error = mergedHeaderError() { throw error }
            }
            return nil
        }
        let width = self.width ?? stream.cellCount
        self.width = width
        stream.withCurrentRow { batch, row in
            for column in 0..<width {
                guard column < row.cellCount else {
                    builder.append(ArraySlice<UInt8>())
                    continue
                }
                let pair = 2 * (row.firstCell + column)
                builder.append(batch.text[batch.spans[pair]..<batch.spans[pair + 1]])
            }
        }
        return builder.finish(line: stream.rowNumber)
    }

    /// Reads the rest of the sheet to its merged ranges, and says so if any lies in the header row.
    package func headerExplanation() throws -> InputError? {
        while try stream.nextRow() {}
        finished = true
        return mergedHeaderError()
    }

    private func mergedHeaderError() -> InputError? {
        guard let header = stream.headerRow else { return nil }
        let merged = stream.merges.filter { $0.covers(row: header) }
        guard let first = merged.first else { return nil }
        return InputError(
            at: positions.location(line: first.first.row, field: first.first.column + 1),
            SpreadsheetMessage.mergedHeader(ranges: merged.prefix(5).map(\.description), more: merged.count > 5))
    }
}
