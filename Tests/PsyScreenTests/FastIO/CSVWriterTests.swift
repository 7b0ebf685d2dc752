import Foundation
@testable import PsyScreen
import XCTest

final class CSVWriterTests: XCTestCase {
    /// Runs `body` on a writer over a scratch file and returns the bytes written.
    func written(_ options: CSVWriter.Options = .init(), _ body: (CSVWriter) throws -> Void) throws -> [UInt8] {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/out.csv"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let writer = CSVWriter(fileDescriptor: fd, name: path, options: options)
        try body(writer)
        try writer.flush()
        return try scratch.contents("out.csv")
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testQuotesOnlyWhenNeeded() throws {
        let bytes = try written { csv in
            try csv.writeRecord(["plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rx", "", " space ", "高一(3)班", "a;b"])
        }
        XCTAssertEqual(text(bytes), "plain,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rx\",, space ,高一(3)班,a;b\n")
    }

    func testFormulaNeutralization() throws {
        let cells = ["=1+2", "+86 138", "-5", "@SUM(A1)", "\tx", "\r=x", "=HYPERLINK(\"http://x\",\"y\")", "safe", "a=b", ""]
        let bytes = try written { csv in
            for cell in cells { try csv.writeField(cell, neutralizingFormula: true) }
            try csv.writeField(-5)  // the program's own number: never touched
            try csv.endRecord()
            try csv.writeRecord(["=1+2", "-5"])  // not from the input: left alone
        }
        XCTAssertEqual(
            text(bytes),
            "'=1+2,'+86 138,'-5,'@SUM(A1),'\tx,\"'\r=x\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",safe,a=b,,-5\n"
                + "=1+2,-5\n")
    }

    func testByteOrderMarkAndLineEndings() throws {
        XCTAssertEqual(
            try written(.init(lineEnding: .crlf, byteOrderMark: true)) { try $0.writeRecord(["a", "b"]) },
            [0xEF, 0xBB, 0xBF] + Array("a,b\r\n".utf8))
        XCTAssertEqual(try written { try $0.writeRecord(["a", "b"]) }, Array("a,b\n".utf8))
        XCTAssertEqual(try written(.init(byteOrderMark: true)) { _ in }, [0xEF, 0xBB, 0xBF])
    }

    func testSemicolonDelimiter() throws {
        let bytes = try written(.init(delimiter: .semicolon)) { try $0.writeRecord(["1,5", "a;b", "c"]) }
        XCTAssertEqual(text(bytes), "1,5;\"a;b\";c\n")
    }

    func testIntegersAndEmptyFields() throws {
        let bytes = try written { csv in
            for value in [0, 7, -42, Int.max, Int.min] { try csv.writeField(value) }
            try csv.writeEmptyField()
            try csv.endRecord()
            try csv.writeEmptyField()
            try csv.writeEmptyField()
            try csv.endRecord()
        }
        XCTAssertEqual(text(bytes), "0,7,-42,9223372036854775807,-9223372036854775808,\n,\n")
    }

    func testFieldsLargerThanTheBuffer() throws {
        let big = String(repeating: "0123456789", count: 250_000)  // 2.5 MB, more than the 1 MiB buffer
        let bytes = try written { csv in
            try csv.writeRecord(["x", big])
            try csv.writeRecord(["q\"" + big])
        }
        XCTAssertEqual(text(bytes), "x,\(big)\n\"q\"\"\(big)\"\n")
    }

    func testRoundTripThroughTheReader() throws {
        let records = [
            ["id", "note"], ["1", "He said \"hi\", then left\r\nnext line"], ["", "=cmd|' /C calc'!A0"], ["高一(3)班", ""],
        ]
        let bytes = try written { csv in
            for record in records { try csv.writeRecord(record) }
        }
        XCTAssertEqual(try parse(bytes).map(\.fields), records)
        XCTAssertEqual(try parse(bytes).map(\.line), [1, 2, 4, 5])
    }

    func testCopiesFieldBytesFromTheReader() throws {
        let scratch = try ScratchDirectory()
        let input = try scratch.file("in.csv", Array("id,class\n\"1\",\"高一(3)班, A\"\n2,=SUM(A1)\n".utf8))
        let reader = try CSVReader(path: input)
        let bytes = try written { csv in
            try reader.forEachRecord { record in
                for index in 0..<record.count { try csv.writeField(record.bytes(at: index), neutralizingFormula: true) }
                try csv.endRecord()
            }
        }
        XCTAssertEqual(text(bytes), "id,class\n1,\"高一(3)班, A\"\n2,'=SUM(A1)\n")
    }

    func testJSONLines() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/out.jsonl"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(fd) }
        let json = JSONLinesWriter(fileDescriptor: fd, name: path)
        try json.field("id", string: "a\"b\\c\n\u{1}\t高")
        try json.field("raw", string: "x\r")
        try json.field("n", integer: -3)
        try json.field("missing", integer: nil)
        try json.field("ok", bool: true)
        try json.nullField("z")
        try json.endObject()
        try json.endObject()
        try json.flush()
        XCTAssertEqual(
            String(decoding: try scratch.contents("out.jsonl"), as: UTF8.self),
            "{\"id\":\"a\\\"b\\\\c\\n\\u0001\\t高\",\"raw\":\"x\\r\",\"n\":-3,\"missing\":null,\"ok\":true,\"z\":null}\n{}\n")
    }

    func testWriteErrorIsReported() throws {
        let readOnly = unwritableDescriptor()
        defer { close(readOnly) }
        let csv = CSVWriter(fileDescriptor: readOnly, name: "out.csv")
        try csv.writeRecord(["a"])
        XCTAssertThrowsError(try csv.flush()) { error in
            XCTAssertEqual((error as? FileError)?.code, EBADF)
            XCTAssertEqual((error as? FileError)?.path, "out.csv")
        }
    }
}
