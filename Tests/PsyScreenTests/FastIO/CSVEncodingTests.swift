import Foundation
@testable import PsyScreen
import XCTest

final class CSVEncodingTests: XCTestCase {
    /// "高一(3)班" in GB18030, written out so the test does not trust the code it checks.
    let classNameGB: [UInt8] = [0xB8, 0xDF, 0xD2, 0xBB, 0x28, 0x33, 0x29, 0xB0, 0xE0]

    func testGB18030ClassNamesAutoDetected() throws {
        // 学 (D1 A7) happens to be well-formed UTF-8 too; 号 (BA C5) is not.
        let bytes =
            gb18030("学号,班级,姓名\n") + Array("20260001,".utf8) + classNameGB + Array(",".utf8)
            + [0xD5, 0xC5, 0xC8, 0xFD] + Array("\n".utf8)
        XCTAssertEqual(try parse(bytes), [Row(1, ["学号", "班级", "姓名"]), Row(2, ["20260001", "高一(3)班", "张三"])])
        let scratch = try ScratchDirectory()
        let reader = try CSVReader(path: try scratch.file("gb.csv", bytes))
        XCTAssertEqual(reader.encoding, .utf8)  // nothing read yet
        try reader.forEachRecord { _ in }
        XCTAssertEqual(reader.encoding, .gb18030)
    }

    func testGB18030AfterManyASCIIRecords() throws {
        var text = "id,class\n"
        for index in 0..<5000 { text += "\(index),S01-1\n" }
        let bytes = Array(text.utf8) + Array("5000,".utf8) + classNameGB + Array("\n".utf8)
        let rows = try parse(bytes)
        XCTAssertEqual(rows.count, 5002)
        XCTAssertEqual(rows.last, Row(5002, ["5000", "高一(3)班"]))
    }

    func testExplicitGB18030WithFourByteCharactersAndGBBOM() throws {
        // 𠮷 is a four-byte GB18030 character; 84 31 95 33 is GB18030's byte order mark.
        let bytes: [UInt8] =
            [0x84, 0x31, 0x95, 0x33] + gb18030("姓名,班级\n吉𠮷,\"") + classNameGB
            + gb18030("\"\r\n买买提·艾力,€\r\n")
        XCTAssertEqual(gb18030("𠮷"), [0x95, 0x34, 0xB2, 0x35])
        let expected = [Row(1, ["姓名", "班级"]), Row(2, ["吉𠮷", "高一(3)班"]), Row(3, ["买买提·艾力", "€"])]
        XCTAssertEqual(try parse(bytes, .init(encoding: .gb18030)), expected)
        XCTAssertEqual(try parse(bytes), expected)
    }

    func testGB18030StraddlingChunkBoundariesInAutoMode() throws {
        // Longer than the detection window, and an odd chunk size, so characters fall across reads.
        var text = "学号,班级,备注\n"
        for index in 0..<4000 { text += "\(index),高\(index % 3 + 1)(\(index % 9))班,\"说明, 第\(index)行\"\n" }
        let bytes = gb18030(text)
        XCTAssertGreaterThan(bytes.count, CSVInput.detectionWindow)
        let scratch = try ScratchDirectory()
        let path = try scratch.file("gb.csv", bytes)
        let expected = try readRows(try scratch.file("utf8.csv", Array(text.utf8)))
        for size in [1001, 4096, 1 << 20] {
            XCTAssertEqual(try readRows(path, .init(chunkSize: size)), expected, "chunk size \(size)")
        }
        XCTAssertEqual(expected[4000], Row(4001, ["3999", "高1(3)班", "说明, 第3999行"]))
    }

    func testUTF8WithFewCharactersStaysUTF8() throws {
        let scratch = try ScratchDirectory()
        let reader = try CSVReader(path: try scratch.file("u.csv", Array("id,class\n1,高一(3)班\n".utf8)))
        var rows: [Row] = []
        try reader.forEachRecord { rows.append(Row($0.line, $0.strings)) }
        XCTAssertEqual(rows, [Row(1, ["id", "class"]), Row(2, ["1", "高一(3)班"])])
        XCTAssertEqual(reader.encoding, .utf8)
    }

    func testUTF8ByteOrderMarkDecidesUTF8() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("班级\n".utf8) + [0xFF] + Array("\n".utf8)
        let diagnostic = try parseError(bytes)
        XCTAssertEqual(diagnostic?.location.line, 2)
        XCTAssertEqual(diagnostic?.message.english, "invalid UTF-8; use --encoding gb18030 if the file is GB18030")
    }

    func testInvalidUTF8AfterUTF8IsAnErrorWithItsLine() throws {
        let header = "学号,班级,姓名,性别,专业\n"  // ten well-formed UTF-8 characters: the file is UTF-8
        let bytes = Array((header + "1,高一(3)班,张三,男,护理\n\n\"2\",\"a\nb\",").utf8) + classNameGB + Array(",x,y,z\n".utf8)
        let diagnostic = try parseError(bytes)
        XCTAssertEqual(diagnostic?.location.line, 5)
        XCTAssertEqual(diagnostic?.message.english, "invalid UTF-8; use --encoding gb18030 if the file is GB18030")
    }

    func testInvalidUTF8FarBehindTheDetectionWindow() throws {
        var text = "学号,班级,姓名,性别,专业\n"
        for index in 0..<10_000 { text += "\(index),高一(3)班,张三,男,护理\n" }
        let bytes = Array(text.utf8) + [0xC0, 0x80] + Array("\n".utf8)  // overlong encoding of NUL
        let scratch = try ScratchDirectory()
        let path = try scratch.file("late.csv", bytes)
        XCTAssertThrowsError(try readRows(path)) { error in
            XCTAssertEqual((error as? InputError)?.diagnostics.first?.location, SourceLocation(file: path, line: 10_002))
        }
    }

    func testExplicitUTF8RejectsGB18030() throws {
        let bytes = Array("id,class\n1,".utf8) + classNameGB + Array("\n".utf8)
        let diagnostic = try parseError(bytes, .init(encoding: .utf8))
        XCTAssertEqual(diagnostic?.location.line, 2)
    }

    func testInvalidGB18030() throws {
        let bytes = Array("id,class\n\n1,".utf8) + [0xB8, 0xDF, 0x80, 0x41] + Array("\n".utf8)
        let diagnostic = try parseError(bytes, .init(encoding: .gb18030))
        XCTAssertEqual(diagnostic, Diagnostic(at: diagnostic!.location, RecordMessage.invalidGB18030(detected: false)))
        XCTAssertEqual(diagnostic?.message.english, "invalid GB18030")
        XCTAssertEqual(diagnostic?.location.line, 3)
    }

    func testTruncatedCharacterAtEndOfFile() throws {
        let gb = try parseError(Array("id\n1\n".utf8) + [0xB8], .init(encoding: .gb18030))
        XCTAssertEqual(gb?.location.line, 3)
        XCTAssertEqual(gb?.message.english, "the file ends in the middle of a GB18030 character")
        let utf8 = try parseError(Array("id\n1\n".utf8) + [0xE9, 0xAB], .init(encoding: .utf8))
        XCTAssertEqual(utf8?.location.line, 3)
        XCTAssertEqual(
            utf8?.message.english,
            "the file ends in the middle of a UTF-8 character; use --encoding gb18030 if the file is GB18030")
    }

    func testUTF16IsRecognised() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "id\tclass\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let diagnostic = try parseError(bytes)
        XCTAssertEqual(diagnostic?.location.line, 1)
        XCTAssertEqual(
            diagnostic?.message.english,
            "the file is UTF-16 (Excel \"Unicode Text\"); save it as \"CSV UTF-8\" or \"CSV\" and try again")
    }

    /// The table-driven decoder must agree with iconv on every two-byte code and on four-byte ones.
    func testDecoderAgreesWithIconv() throws {
        var input: [UInt8] = []
        for lead in UInt8(0x81)...0xFE {
            for trail in UInt8(0x40)...0xFE where trail != 0x7F {
                if !iconvAccepts([lead, trail]) { continue }
                input += [lead, trail]
                if trail % 16 == 0 { input += Array("ab,\"\n".utf8) }
            }
        }
        input += [0x81, 0x30, 0x81, 0x30, 0x95, 0x34, 0xB2, 0x35, 0x90, 0x30, 0x81, 0x30, 0xE3, 0x32, 0x9A, 0x35]
        let expected = try XCTUnwrap(convert(input, from: "GB18030", to: "UTF-8"))
        let decoder = try GB18030Decoder()
        var output = [UInt8](repeating: 0, count: input.count * 2)
        let result = input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                decoder.decode(
                    inBuffer.baseAddress!, count: inBuffer.count, into: outBuffer.baseAddress!,
                    capacity: outBuffer.count)
            }
        }
        XCTAssertEqual(result.status, .ok)
        XCTAssertEqual(result.consumed, input.count)
        XCTAssertTrue(Array(output[..<result.produced]) == expected, "differs from iconv")  // (too long to print)
    }

    // MARK: Helpers

    func gb18030(_ text: String) -> [UInt8] { convert(Array(text.utf8), from: "UTF-8", to: "GB18030")! }

    func iconvAccepts(_ bytes: [UInt8]) -> Bool { convert(bytes, from: "GB18030", to: "UTF-8") != nil }

    func convert(_ bytes: [UInt8], from: String, to: String) -> [UInt8]? {
        let converter = iconv_open(to, from)
        precondition(converter != iconv_t(bitPattern: -1))
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let outputCount = output.count
        let left: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outLeft
            }
        }
        guard let left else { return nil }
        return output[..<(outputCount - left)].map { UInt8(bitPattern: $0) }
    }
}
