import Foundation

/// The rows of one worksheet of an `.xlsx` workbook, read in order with flat memory whatever the sheet's size.
///
/// ```swift
/// let sheet = try SheetRowStream(path: "results.xlsx", sheet: nil)    // the first visible worksheet
/// while try sheet.nextRow() {                                        // the first row is the header
///     print(sheet.rowNumber, (0..<sheet.cellCount).map { sheet.string(at: $0) })
/// }
/// ```
///
/// The shared strings and number formats are read first, once. Then the sheet's part is inflated on a thread of
/// its own, a few chunks ahead, while the caller's thread parses each chunk as it needs rows: inflating and
/// parsing (then scoring) run side by side, and only one chunk's rows are held at a time. A resource: dropping it
/// stops the thread.
package final class SheetRowStream {
    /// The sheet in messages: `book.xlsx!Sheet1`.
    package let name: String
    /// The workbook's path.
    package let path: String
    /// The sheet's tab name.
    package let sheetName: String
    /// Bytes of the workbook file, for progress.
    package let fileSize: Int
    /// The merged ranges of the sheet, known once every row was read (they are stored after the cells).
    package private(set) var merges: [CellRange] = []
    /// The header's row number (the first row read).
    package private(set) var headerRow: Int?
    /// Rows read so far.
    package private(set) var rowCount = 0
    /// Bytes of the sheet's part inflated so far, for progress.
    package private(set) var bytesInflated = 0
    /// Bytes of the sheet's part once inflated, as the zip declares them.
    package let partSize: Int

    private let chunks: BoundedHandOff<Data>
    private let parser: LibXMLStreamParser
    private let assembler: WorksheetRowAssembler
    private var batch = SheetRowBatch()
    private var index = -1
    private var parsed = false

    /// Opens `sheet` of the workbook at `path` (by name; nil for the first visible worksheet).
    /// - Throws: ``FileError`` for a file that is not a readable workbook or breaks a limit, ``InputError`` for
    ///   a part that is not well-formed XML.
    package init(path: String, sheet: String?, limits: WorkbookLimits = WorkbookLimits()) throws {
        let archive = try WorkbookArchive(path: path, limits: limits)
        let package = try WorkbookPackage.read(archive)
        let chosen = try Self.choose(sheet, in: package, path: path)
        guard let part = chosen.part, archive.contains(part) else {
            throw FileError(path: path, .workbook(.sheetWithoutPart(chosen.name)))
        }
        let strings = try package.sharedStringsPart.map { try SharedStrings.read(archive, part: $0) } ?? SharedStrings()
        let styles = try package.stylesPart.map { try CellStyles.read(archive, part: $0) } ?? CellStyles()
        self.path = path
        sheetName = chosen.name
        name = "\(path)!\(chosen.name)"
        var info = stat()
        fileSize = stat(path, &info) == 0 ? Int(info.st_size) : 0
        partSize = archive.declaredSize(of: part)
        assembler = WorksheetRowAssembler(
            name: name, strings: strings, styles: styles, date1904: package.date1904, limits: limits)
        parser = LibXMLStreamParser(file: "\(path)!\(part)", handler: assembler)
        let chunks = BoundedHandOff<Data>(capacity: 4)
        self.chunks = chunks
        let job = UncheckedSendable((archive, part))
        // The archive is used by this thread only from here on.
        let thread = Thread {
            let (archive, part) = job.value
            do {
                try archive.stream(part, limit: archive.limits.worksheetPart) { try chunks.send($0) }
                chunks.finish()
            } catch {
                chunks.finish(error)
            }
            chunks.producerExited()
        }
        thread.name = "psyscreen xlsx"
        thread.start()
    }

    deinit { chunks.cancelAndWait() }

    /// The names of the workbook's sheets, in tab order (hidden ones included).
    package static func sheetNames(path: String, limits: WorkbookLimits = WorkbookLimits()) throws -> [String] {
        try WorkbookPackage.read(WorkbookArchive(path: path, limits: limits)).sheets.map(\.name)
    }

    /// Moves to the next row; false after the last. The first row is the header (the first row with a value).
    package func nextRow() throws -> Bool {
        index += 1
        while index >= batch.rows.count {
            guard !parsed else { return false }
            if let chunk = try chunks.receive() {
                bytesInflated += chunk.count
                try parser.feed(chunk)
            } else {
                try parser.finish()
                merges = assembler.merges
                parsed = true
            }
            batch = assembler.takeRows(recycling: batch)
            index = 0
        }
        rowCount += 1
        if headerRow == nil { headerRow = batch.rows[index].number }
        return true
    }

    /// The current row's number as Excel shows it.
    package var rowNumber: Int { batch.rows[index].number }
    /// Cells of the current row, from column A to its last cell with a value.
    package var cellCount: Int { batch.rows[index].cellCount }
    /// Cell `column` (0-based: A is 0) of the current row; empty past ``cellCount``.
    package func string(at column: Int) -> String { batch.string(row: index, column: column) }

    /// Calls `body` with the current row's text and cell spans, laid out as in ``SheetRowBatch``: the cells of the
    /// row are spans `firstCell ..< firstCell + cellCount` (pairs of offsets into the text).
    func withCurrentRow<Result>(_ body: (_ batch: SheetRowBatch, _ row: SheetRowBatch.Row) throws -> Result) rethrows -> Result {
        try body(batch, batch.rows[index])
    }

    /// Every row of the sheet at once, as strings (small sheets and tests).
    package func allRows() throws -> [(number: Int, cells: [String])] {
        var rows: [(Int, [String])] = []
        while try nextRow() { rows.append((rowNumber, (0..<cellCount).map { string(at: $0) })) }
        return rows
    }

    /// Picks the sheet to read: by exact name, else by name ignoring case and surrounding spaces; nil: the first
    /// visible worksheet.
    private static func choose(_ wanted: String?, in package: WorkbookPackage, path: String) throws -> WorkbookPackage.Sheet {
        let names = package.sheets.map(\.name)
        guard let wanted else {
            guard
                let first = package.sheets.first(where: { $0.isWorksheet && $0.isVisible })
                    ?? package.sheets.first(where: \.isWorksheet)
            else { throw FileError(path: path, .workbook(.noWorksheet(sheets: names))) }
            return first
        }
        let key = wanted.trimmingCharacters(in: .whitespaces).lowercased()
        guard
            let sheet = package.sheets.first(where: { $0.name == wanted })
                ?? package.sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == key })
        else {
            throw FileError(path: path, .workbook(.noSuchSheet(wanted, sheets: names)))
        }
        guard sheet.isWorksheet else { throw FileError(path: path, .workbook(.chartSheet(sheet.name))) }
        return sheet
    }
}
