import Foundation
import PsyScreenTestSupport
import XCTest

@testable import PsyScreen

/// Workbooks built to hurt: entity bombs, external entities, zip bombs, parts that lie about their size, shared
/// strings too big to keep. Each is refused with a clear error, before it costs memory.
final class HostileWorkbookTests: XCTestCase {
    private var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch = nil }

    private let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>student_id</t></is></c></row>"#

    private func write(_ parts: [String: [UInt8]], _ name: String = "hostile.xlsx") throws -> String {
        let path = "\(scratch.path)/\(name)"
        try XLSXFixture.write(parts, to: path)
        return path
    }

    private func readError(_ path: String, limits: WorkbookLimits = WorkbookLimits()) -> String {
        do {
            let stream = try SheetRowStream(path: path, sheet: nil, limits: limits)
            _ = try stream.allRows()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testEntityBombAndExternalEntitiesStopAtTheDoctype() throws {
        let laughs =
            #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>"#
        let bomb = laughs + #"<sst xmlns="\#(XLSXFixture.spreadsheetNS)"><si><t>&lol3;</t></si></sst>"#
        let path = try write(XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(header))], sharedStrings: bomb))
        XCTAssertEqual(
            readError(path),
            "\(path)!xl/sharedStrings.xml:1: error: a DOCTYPE is not allowed in psyscreen files (no DTDs or entities)")

        let secret = "/etc/hostname"
        let external =
            #"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file://\#(secret)">]><worksheet xmlns="\#(XLSXFixture.spreadsheetNS)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>"#
        let second = try write(XLSXFixture.workbook(sheets: [("S", external)]), "external.xlsx")
        XCTAssertEqual(
            readError(second),
            "\(second)!xl/worksheets/sheet1.xml:1: error: a DOCTYPE is not allowed in psyscreen files (no DTDs or entities)")
    }

    func testUndeclaredEntitiesAreErrors() throws {
        let sheet = XLSXFixture.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>"#)
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)]))
        XCTAssertTrue(readError(path).hasPrefix("\(path)!xl/worksheets/sheet1.xml:1:"), readError(path))
        XCTAssertTrue(readError(path).contains("Entity 'nbsp' not defined"), readError(path))
    }

    func testAPartOverItsLimitIsRefusedBeforeInflating() throws {
        var limits = WorkbookLimits()
        limits.worksheetPart = 4096
        let rows = (2...400).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        let path = try write(XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(header + rows))]))
        let size = try XCTUnwrap(partSize(path, "xl/worksheets/sheet1.xml"))
        XCTAssertEqual(
            readError(path, limits: limits),
            "\(path): xl/worksheets/sheet1.xml would inflate to \(ByteCount(size)), more than psyscreen reads for this part (4.1 KB)"
        )
    }

    func testAZipBombIsRefusedByItsCompressionRatio() throws {
        // 20 MB of one repeated byte deflate to about 20 KB: no sheet compresses a thousand times.
        let filler = [UInt8](repeating: 0x20, count: 20 << 20)
        var parts = XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(header))])
        parts["xl/worksheets/sheet1.xml"] =
            Array(XLSXFixture.sheet(header).utf8.dropLast(12)) + filler + Array("</worksheet>".utf8)
        let path = try write(parts)
        let message = readError(path)
        XCTAssertTrue(message.hasPrefix("\(path): xl/worksheets/sheet1.xml is compressed "), message)
        XCTAssertTrue(message.hasSuffix("more than any real workbook: refused as a zip bomb"), message)
    }

    func testAPartThatInflatesPastItsDeclaredSizeIsRefused() throws {
        let rows = (2...200).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        let path = try write(XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(header + rows))]))
        try declare(size: 100, for: "xl/worksheets/sheet1.xml", in: path)
        XCTAssertEqual(
            readError(path),
            "\(path): xl/worksheets/sheet1.xml inflates to more than the 100 bytes it declares: the file is damaged or hostile")
    }

    func testSharedStringsTooBigToKeepAreRefused() throws {
        var limits = WorkbookLimits()
        limits.sharedStringBytes = 10_000
        let strings = XLSXFixture.sharedStrings((0..<2000).map { "S\($0)" })
        let path = try write(XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(header))], sharedStrings: strings))
        let message = readError(path, limits: limits)
        XCTAssertTrue(
            message.hasPrefix("\(path): xl/sharedStrings.xml: the shared-string table holds more than 10.0 KB of text ("), message
        )
        XCTAssertTrue(
            message.hasSuffix("more than psyscreen keeps in memory; save the sheet as CSV (UTF-8) or split it"), message)
    }

    func testAHugeCellIsRefused() throws {
        var limits = WorkbookLimits()
        limits.cellBytes = 1000
        let big = String(repeating: "x", count: 5000)
        let sheet = XLSXFixture.sheet(header + #"<row r="2">"# + XLSXFixture.cell("B2", inline: big) + "</row>")
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)]))
        XCTAssertEqual(
            readError(path, limits: limits), "\(path)!S:B2: error: the cell holds more than 1.0 KB, more than an Excel cell can")
    }

    func testTooManyEntries() throws {
        var limits = WorkbookLimits()
        limits.entries = 20
        var parts = XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(header))])
        for index in 0..<30 { parts["docProps/x\(index).xml"] = Array("<x/>".utf8) }
        let path = try write(parts)
        XCTAssertEqual(readError(path, limits: limits), "\(path): the zip holds more than 20 entries; no workbook has that many")
    }

    func testAStreamDroppedEarlyStopsItsThread() throws {
        let rows = (2...50_000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        let path = try write(XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(header + rows))]))
        for _ in 0..<20 {
            let stream = try SheetRowStream(path: path, sheet: nil)
            XCTAssertTrue(try stream.nextRow())
            XCTAssertTrue(try stream.nextRow())
            XCTAssertEqual(stream.string(at: 0), "2")
            // Dropped here, with the reading thread blocked on a full hand-off: deinit must stop it and return.
        }
    }

    /// The uncompressed size the zip's central directory records for `part`.
    private func partSize(_ path: String, _ part: String) throws -> UInt64? {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard let offset = centralEntry(bytes, part) else { return nil }
        return UInt64(bytes[offset + 24]) | UInt64(bytes[offset + 25]) << 8 | UInt64(bytes[offset + 26]) << 16 | UInt64(
            bytes[offset + 27]) << 24
    }

    /// Rewrites the uncompressed size of `part` in the central directory (where ZIPFoundation reads it).
    private func declare(size: UInt32, for part: String, in path: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let offset = try XCTUnwrap(centralEntry(bytes, part))
        for index in 0..<4 { bytes[offset + 24 + index] = UInt8(truncatingIfNeeded: size >> (8 * UInt32(index))) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    private func centralEntry(_ bytes: [UInt8], _ part: String) -> Int? {
        let name = Array(part.utf8)
        var offset = 0
        while offset + 46 < bytes.count {
            if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 1, bytes[offset + 3] == 2 {
                let length = Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8
                if Array(bytes[(offset + 46)..<(offset + 46 + length)]) == name { return offset }
            }
            offset += 1
        }
        return nil
    }
}
