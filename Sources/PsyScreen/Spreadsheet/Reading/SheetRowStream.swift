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
/// The sheet's part is inflated and parsed on a thread of its own (zip and XML are push-driven) and comes over
/// in batches, a few at a time, while the caller reads rows; the shared strings and number formats are read
/// before, once. A resource: dropping it stops the thread.
package final class SheetRowStream {
    /// The sheet in messages: `book.xlsx!Sheet1`.
    package let name: String
    /// The workbook's path.
    package let path: String
    /// The sheet's tab name.
    package let sheetName: String
    /// Bytes of the workbook file, for progress.
    package let fileSize: Int

    private let handOff: BoundedHandOff<SheetRowBatch>
    private var batch = SheetRowBatch()
    private var index = -1
    private var rowsRead = 0
    private var ended = false
    private let result: SheetResult

    /// Opens `sheet` of the workbook at `path` (by name; nil for the first visible worksheet).
    /// - Throws: ``FileError`` for a file that is not a readable workbook or breaks a limit, ``InputError`` for
    ///   a part that is not well-formed XML or a sheet name that does not exist.
    package init(path: String, sheet: String?, limits: WorkbookLimits = WorkbookLimits()) throws {
        let archive = try WorkbookArchive(path: path, limits: limits)
        let package = try WorkbookPackage.read(archive)
        let chosen = try Self.choose(sheet, in: package, path: path)
        guard let part = chosen.part, archive.contains(part) else {
            throw FileError(path: path, "sheet '\(chosen.name)' has no worksheet part: the file is damaged")
        }
        let strings = try package.sharedStringsPart.map { try SharedStrings.read(archive, part: $0) } ?? SharedStrings()
        let styles = try package.stylesPart.map { try CellStyles.read(archive, part: $0) } ?? CellStyles()
        self.path = path
        sheetName = chosen.name
        name = "\(path)!\(chosen.name)"
        var info = stat()
        fileSize = stat(path, &info) == 0 ? Int(info.st_size) : 0
        let handOff = BoundedHandOff<SheetRowBatch>(capacity: 4)
        let result = SheetResult()
        self.handOff = handOff
        self.result = result
        let job = UncheckedSendable((archive, part, name, strings, styles, package.date1904))
        // The archive is used by this thread only from here on.
        let thread = Thread {
            let (archive, part, name, strings, styles, date1904) = job.value
            let assembler = WorksheetRowAssembler(
                name: name, strings: strings, styles: styles, date1904: date1904, limits: archive.limits,
                emit: { try handOff.send($0) })
            let parser = LibXMLStreamParser(file: "\(archive.path)!\(part)", handler: assembler)
            do {
                try archive.stream(part, limit: archive.limits.worksheetPart) { try parser.feed($0) }
                try parser.finish()
                try assembler.finish()
                result.set(merges: assembler.merges)
                handOff.finish()
            } catch {
                handOff.finish(error)
            }
            handOff.producerExited()
        }
        thread.name = "psyscreen xlsx"
        thread.start()
    }

    deinit { handOff.cancelAndWait() }

    /// Moves to the next row; false after the last. The first row is the header (the first row with a value).
    package func nextRow() throws -> Bool {
        guard !ended else { return false }
        index += 1
        while index >= batch.rows.count {
            guard let next = try handOff.receive() else {
                ended = true
                return false
            }
            batch = next
            index = 0
        }
        rowsRead += 1
        if headerRow == nil { headerRow = batch.rows[index].number }
        return true
    }

    /// The current row's number as Excel shows it.
    package var rowNumber: Int { batch.rows[index].number }
    /// Cells of the current row, from column A to its last cell with a value.
    package var cellCount: Int { batch.rows[index].cellCount }
    /// Cell `column` (0-based: A is 0) of the current row; empty past ``cellCount``.
    package func string(at column: Int) -> String { batch.string(row: index, column: column) }
    /// Rows read so far.
    package var rowCount: Int { rowsRead }

    /// Calls `body` with the current row's text and cell spans, laid out as in ``SheetRowBatch``: the cells of the
    /// row are spans `firstCell ..< firstCell + cellCount` (pairs of offsets into the text).
    func withCurrentRow<Result>(_ body: (_ batch: SheetRowBatch, _ row: SheetRowBatch.Row) throws -> Result) rethrows -> Result {
        try body(batch, batch.rows[index])
    }

    /// The merged ranges of the sheet, known once every row was read (they are stored after the cells).
    package var merges: [CellRange] { result.merges }

    /// The header's row number (the first row read).
    package private(set) var headerRow: Int?

    /// Every row of the sheet at once, as strings (small sheets and tests).
    package func allRows() throws -> [(number: Int, cells: [String])] {
        var rows: [(Int, [String])] = []
        while try nextRow() { rows.append((rowNumber, (0..<cellCount).map { string(at: $0) })) }
        return rows
    }

    /// Picks the sheet to read: by exact name, else by name ignoring case and surrounding spaces; nil: the first
    /// visible worksheet.
    private static func choose(_ wanted: String?, in package: WorkbookPackage, path: String) throws -> WorkbookPackage.Sheet {
        let names = package.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
        guard let wanted else {
            guard let first = package.sheets.first(where: { $0.isWorksheet && $0.isVisible }) ?? package.sheets.first(where: \.isWorksheet)
            else { throw FileError(path: path, "the workbook has no worksheet (its sheets: \(names.isEmpty ? "none" : names))") }
            return first
        }
        let key = wanted.trimmingCharacters(in: .whitespaces).lowercased()
        guard let sheet = package.sheets.first(where: { $0.name == wanted })
            ?? package.sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == key })
        else {
            throw FileError(path: path, "the workbook has no sheet '\(wanted)' (its sheets: \(names))")
        }
        guard sheet.isWorksheet else { throw FileError(path: path, "sheet '\(sheet.name)' is a chart, not a worksheet") }
        return sheet
    }
}

/// What the reading thread learns at the end of the sheet, read by the caller after the last row.
private final class SheetResult: @unchecked Sendable {
    private let lock = NSLock()
    private var storedMerges: [CellRange] = []

    func set(merges: [CellRange]) {
        lock.lock()
        storedMerges = merges
        lock.unlock()
    }

    var merges: [CellRange] {
        lock.lock()
        defer { lock.unlock() }
        return storedMerges
    }
}
