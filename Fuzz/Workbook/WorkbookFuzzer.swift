import Foundation
import FuzzSupport
import PsyScreen
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#endif

/// Mutated workbooks through ``WorksheetSource`` (the rows `score`, `import` and `roster import` read), every row
/// to the end. Most inputs are the XML of a sheet, its shared strings and its styles, separated by form feeds
/// (`\f`), packed into a valid zip here, so that the mutations reach the XML and the cells rather than stop at
/// the zip's checksums; an input that starts with `PK` is the whole file instead, for the zip layer. Any outcome is
/// fine but a trap, a hang or runaway memory.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzWorkbook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    WorkbookFuzzer.run(FuzzSupport.bytes(data, size))
    return 0
}

enum WorkbookFuzzer {
    static let path: String = {
        let path = NSTemporaryDirectory() + "psyscreen-fuzz-\(getpid()).xlsx"
        return path
    }()

    /// Small limits, so that what they guard is reached by small inputs.
    static let limits: WorkbookLimits = {
        var limits = WorkbookLimits()
        limits.sharedStringBytes = 4096
        limits.cellBytes = 512
        limits.rows = 100_000
        return limits
    }()

    static func run(_ bytes: [UInt8]) {
        let file: [UInt8]
        if bytes.starts(with: [0x50, 0x4B]) {
            file = bytes
        } else {
            let parts = bytes.split(separator: 0x0C, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
            guard
                let packed = try? pack(
                    sheet: parts[0], strings: parts.count > 1 ? parts[1] : nil, styles: parts.count > 2 ? parts[2] : nil)
            else { return }
            file = packed
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(file)) else { fatalError("cannot write \(path)") }
        defer { unlink(path) }
        do {
            let source = try WorksheetSource(path: path, sheet: nil, limits: limits)
            var count = 0
            while let record = try source.next() {
                for index in 0..<record.count { _ = record.string(at: index) }
                _ = source.bytesRead
                count += 1
            }
        } catch let error as InputError {
            _ = error.text(in: .chinese)
        } catch let error as FileError {
            _ = error.message.chinese
        } catch {
            _ = "\(error)"
        }
    }

    static let types =
        #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#
    static let root =
        #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    static let workbook =
        #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="0"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    static let links =
        #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#

    /// A workbook of one sheet with these parts.
    static func pack(sheet: [UInt8], strings: [UInt8]?, styles: [UInt8]?) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(types.utf8)), ("_rels/.rels", Array(root.utf8)),
            ("xl/workbook.xml", Array(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(links.utf8)), ("xl/worksheets/sheet1.xml", sheet),
        ]
        if let strings { parts.append(("xl/sharedStrings.xml", strings)) }
        if let styles { parts.append(("xl/styles.xml", styles)) }
        for (name, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return archive.data.map { [UInt8]($0) } ?? []
    }
}
