/// What is wrong with an Excel workbook psyscreen reads (or could not write): the file, its zip, its parts, a
/// sheet, a cell. Sizes are ``ByteCount``s, said in each language.
package enum SpreadsheetMessage: Message, Hashable {
    // The file and its zip.
    case notRegularFile
    /// `detail`: what the zip library said, in English.
    case notAZip(detail: String)
    case tooManyEntries(Int)
    case noPart(String)
    case partTooLarge(part: String, size: UInt64, limit: UInt64)
    case zipBomb(part: String, ratio: UInt64, compressed: UInt64, size: UInt64)
    case inflatesBeyondDeclared(part: String, size: UInt64)
    case cannotInflate(part: String, detail: String)
    case damagedPart(String)
    case tooManyElements(part: String, element: String, limit: Int)
    case legacyOrEncrypted
    case openDocument
    case noContentTypes
    case noMainDocument
    case binaryWorkbook
    case notExcel(contentType: String)
    case cannotAssemble

    // Sheets.
    case sheetWithoutPart(String)
    case noWorksheet(sheets: [String])
    case noSuchSheet(String, sheets: [String])
    case chartSheet(String)
    case sharedStringsTooLarge(part: String, limit: UInt64, strings: Int)
    case sharedStringTooLong(part: String, index: Int, limit: UInt64)
    /// How a worksheet's text was read, in the import summary (where a CSV file says `UTF-8`).
    case sheetSource(String)

    // Cells.
    case badCellReference(String)
    case cellOutOfOrder(String)
    case rowOutOfOrder(String, after: Int)
    case cellTooLong(limit: UInt64)
    case tooManyRows(Int)
    case noSuchSharedString(String, count: Int)
    case mergedHeader(ranges: [String], more: Bool)

    package var english: String {
        func size(_ bytes: UInt64) -> String { ByteCount(bytes).description }
        func list(_ sheets: [String]) -> String { sheets.isEmpty ? "none" : sheets.map { "'\($0)'" }.joined(separator: ", ") }
        return switch self {
        case .notRegularFile: "a workbook must be a regular file (it is read out of order)"
        case .notAZip(let detail): "not a readable zip file, so not an .xlsx workbook (\(detail))"
        case .tooManyEntries(let limit): "the zip holds more than \(limit) entries; no workbook has that many"
        case .noPart(let part): "the workbook has no part \(part)"
        case .partTooLarge(let part, let bytes, let limit):
            "\(part) would inflate to \(size(bytes)), more than psyscreen reads for this part (\(size(limit)))"
        case .zipBomb(let part, let ratio, let compressed, let bytes):
            "\(part) is compressed \(ratio) times (\(size(compressed)) → \(size(bytes))), more than any real workbook: refused as a zip bomb"
        case .inflatesBeyondDeclared(let part, let bytes):
            "\(part) inflates to more than the \(size(bytes)) it declares: the file is damaged or hostile"
        case .cannotInflate(let part, let detail): "\(part) cannot be inflated (\(detail)): the file is damaged"
        case .damagedPart(let part): "\(part) is damaged (its size or checksum does not match the zip's directory)"
        case .tooManyElements(let part, let element, let limit): "\(part): more than \(limit) <\(element)> elements"
        case .legacyOrEncrypted:
            "an Excel 97–2003 workbook (.xls) or a password-protected one, which psyscreen cannot read: open it in Excel or WPS and save it as Excel Workbook (.xlsx) without a password, or as CSV UTF-8"
        case .openDocument: "an OpenDocument file (.ods), not an .xlsx workbook: save it as Excel 2007-365 (.xlsx) or CSV UTF-8"
        case .noContentTypes: "a zip file without [Content_Types].xml, so not an .xlsx workbook"
        case .noMainDocument: "the package names no main document (_rels/.rels), so it is not an .xlsx workbook"
        case .binaryWorkbook: "an Excel binary workbook (.xlsb); save it as .xlsx (Excel Workbook)"
        case .notExcel(let type): "a zip package that is not an Excel workbook (\(type.isEmpty ? "no content type" : type))"
        case .cannotAssemble: "the workbook could not be assembled in memory"
        case .sheetWithoutPart(let sheet): "sheet '\(sheet)' has no worksheet part: the file is damaged"
        case .noWorksheet(let sheets): "the workbook has no worksheet (its sheets: \(list(sheets)))"
        case .noSuchSheet(let sheet, let sheets): "the workbook has no sheet '\(sheet)' (its sheets: \(list(sheets)))"
        case .chartSheet(let sheet): "sheet '\(sheet)' is a chart, not a worksheet"
        case .sharedStringsTooLarge(let part, let limit, let count):
            "\(part): the shared-string table holds more than \(size(limit)) of text (\(count) strings so far), more than psyscreen keeps in memory; save the sheet as CSV (UTF-8) or split it"
        case .sharedStringTooLong(let part, let index, let limit):
            "\(part): shared string \(index) is longer than \(size(limit)), more than an Excel cell holds"
        case .sheetSource(let sheet): "Excel sheet \(sheet)"
        case .badCellReference(let reference): "a cell has the reference '\(reference)', which names no cell"
        case .cellOutOfOrder(let cell): "cell \(cell) comes after a cell to its right: the sheet is damaged"
        case .rowOutOfOrder(let row, let last): "row number '\(row)' does not follow row \(last): the sheet is damaged"
        case .cellTooLong(let limit): "the cell holds more than \(size(limit)), more than an Excel cell can"
        case .tooManyRows(let limit): "the sheet has more than \(limit) rows"
        case .noSuchSharedString(let index, let count):
            "the cell names shared string '\(index)', which the workbook does not have (it has \(count)): the file is damaged"
        case .mergedHeader(let ranges, let more):
            "merged cells in the header row (\(ranges.joined(separator: ", "))\(more ? ", …" : "")): every column needs a header cell of its own; unmerge them, and delete any title row above the column names"
        }
    }
}
