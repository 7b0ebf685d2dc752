import Foundation
@testable import PsyScreen
import PsyScreenTestSupport
import XCTest

final class CSVReaderTests: XCTestCase {
    // MARK: RFC 4180

    func testPlainRecords() throws {
        XCTAssertEqual(try parse("a,b,c\n1,2,3\n"), [Row(1, ["a", "b", "c"]), Row(2, ["1", "2", "3"])])
    }

    func testQuotedDelimitersAndDoubledQuotes() throws {
        let rows = try parse("name,note\n\"Li, Wei\",\"He said \"\"hi\"\"\"\n")
        XCTAssertEqual(rows, [Row(1, ["name", "note"]), Row(2, ["Li, Wei", "He said \"hi\""])])
    }

    func testLineBreaksInsideQuotesKeepPhysicalLineNumbers() throws {
        let rows = try parse("h1,h2\n\"x\ny\r\nz\",1\n\nq,2\n")
        XCTAssertEqual(rows, [Row(1, ["h1", "h2"]), Row(2, ["x\ny\r\nz", "1"]), Row(6, ["q", "2"])])
    }

    func testEmptyFieldsEmptyQuotedFieldAndTrailingComma() throws {
        let rows = try parse("a,,c\n,,\n\"\",x\na,b,\n\"\"\n")
        XCTAssertEqual(
            rows,
            [
                Row(1, ["a", "", "c"]), Row(2, ["", "", ""]), Row(3, ["", "x"]), Row(4, ["a", "b", ""]), Row(5, [""]),
            ])
    }

    func testOnlyDoubledQuotes() throws {
        XCTAssertEqual(try parse("\"\"\"\",\"\"\"\"\"\"\"\"\n"), [Row(1, ["\"", "\"\"\""])])
    }

    func testCRLFAndLoneCR() throws {
        XCTAssertEqual(try parse("a,b\r\nc,d\r\n"), [Row(1, ["a", "b"]), Row(2, ["c", "d"])])
        XCTAssertEqual(try parse("a,b\rc,d\r\re"), [Row(1, ["a", "b"]), Row(2, ["c", "d"]), Row(4, ["e"])])
    }

    func testByteOrderMarkIsStripped() throws {
        let rows = try parse([0xEF, 0xBB, 0xBF] + Array("id,x\n1,2\n".utf8))
        XCTAssertEqual(rows, [Row(1, ["id", "x"]), Row(2, ["1", "2"])])
        XCTAssertEqual(try parse([0xEF, 0xBB, 0xBF]), [])
    }

    func testLastRecordWithoutLineBreak() throws {
        XCTAssertEqual(try parse("a,b\n1,2"), [Row(1, ["a", "b"]), Row(2, ["1", "2"])])
        XCTAssertEqual(try parse("a,b\n\"1\",\"2\""), [Row(1, ["a", "b"]), Row(2, ["1", "2"])])
        XCTAssertEqual(try parse("a,b\n1,"), [Row(1, ["a", "b"]), Row(2, ["1", ""])])
    }

    func testBlankLinesAreSkippedButCounted() throws {
        XCTAssertEqual(try parse("\n\na\n\n\nb\r\n\r\nc\n\n"), [Row(3, ["a"]), Row(6, ["b"]), Row(8, ["c"])])
        XCTAssertEqual(try parse(""), [])
        XCTAssertEqual(try parse("\n\r\n\r"), [])
    }

    func testLenientQuotesLikeExcel() throws {
        // Same results as Python's csv module.
        XCTAssertEqual(try parse("ab\"c,d\n"), [Row(1, ["ab\"c", "d"])])
        XCTAssertEqual(try parse("\"a\"b,c\n"), [Row(1, ["ab", "c"])])
        XCTAssertEqual(try parse("\"a\"\"b\"x\"y\",z\n"), [Row(1, ["a\"bx\"y\"", "z"])])
        XCTAssertEqual(try parse(" \"a\" ,b\n"), [Row(1, [" \"a\" ", "b"])])
    }

    func testUnicodePassesThrough() throws {
        XCTAssertEqual(
            try parse("班级,姓名\n高一(3)班,\"张三, 李四\"\n"),
            [
                Row(1, ["班级", "姓名"]), Row(2, ["高一(3)班", "张三, 李四"]),
            ])
    }

    // MARK: Delimiters

    func testDelimiterDetection() throws {
        let scratch = try ScratchDirectory()
        let cases: [(String, CSVDelimiter, [Row])] = [
            ("a;b;c\n1;2,5;3\n", .semicolon, [Row(1, ["a", "b", "c"]), Row(2, ["1", "2,5", "3"])]),
            ("a\tb\n1\t2 3\n", .tab, [Row(1, ["a", "b"]), Row(2, ["1", "2 3"])]),
            ("a,b;c\n", .comma, [Row(1, ["a", "b;c"])]),  // tie
            ("name\nA;B\n", .comma, [Row(1, ["name"]), Row(2, ["A;B"])]),  // no delimiter in the header
            ("\"x,y,z\";b;c\n", .semicolon, [Row(1, ["x,y,z", "b", "c"])]),  // quoted delimiters do not count
            ("\n\na;b\n", .semicolon, [Row(3, ["a", "b"])]),  // the header is the first non-blank line
        ]
        for (text, delimiter, expected) in cases {
            XCTAssertEqual(try parse(text), expected, text)
            let reader = try CSVReader(path: try scratch.file("d.csv", Array(text.utf8)))
            XCTAssertEqual(reader.delimiter, .auto)
            _ = try reader.nextRecord { _ in }
            XCTAssertEqual(reader.delimiter, delimiter, text)
        }
    }

    func testExplicitDelimiter() throws {
        XCTAssertEqual(try parse("a;b,c\n", .init(delimiter: .comma)), [Row(1, ["a;b", "c"])])
        XCTAssertEqual(try parse("a,b\tc\n", .init(delimiter: .tab)), [Row(1, ["a,b", "c"])])
    }

    // MARK: Errors

    func testUnterminatedQuoteIsAnErrorAtTheRecordsFirstLine() throws {
        let diagnostic = try parseError(Array("a,b\n1,2\n3,\"oops\n4,5\n\n6,7\n".utf8))
        XCTAssertEqual(diagnostic?.location.line, 3)
        XCTAssertEqual(
            diagnostic?.message.english,
            "field 2 opens a quote that is never closed (the rest of the file would be read as that field)")
    }

    func testOverlongRecordIsAnError() throws {
        let text = "a,b\n1,2\n3,\"" + String(repeating: "x", count: 5000)
        let diagnostic = try parseError(Array(text.utf8), .init(maximumRecordSize: 1000))
        XCTAssertEqual(diagnostic?.location.line, 3)
        XCTAssertEqual(diagnostic?.message.english, "a record longer than 1000 bytes starts here; is a quote never closed?")
    }

    func testMissingFileIsAFileError() {
        XCTAssertThrowsError(try CSVReader(path: "/nonexistent/psyscreen.csv")) { error in
            XCTAssertEqual(
                (error as? FileError)?.description,
                "/nonexistent/psyscreen.csv: cannot open for reading: No such file or directory")
        }
    }

    // MARK: Large records and memory

    func testRecordLargerThanTheBuffer() throws {
        // 3 MiB in one quoted field with doubled quotes and line breaks, read with the default 1 MiB chunks.
        var big = String(repeating: "0123456789abcdef", count: 3 << 16)  // 3 MiB
        big += "\"\"middle\"\"\n\nend"
        let text = "id,text\n1,\"\(big)\"\n2,small\n"
        let scratch = try ScratchDirectory()
        let rows = try readRows(try scratch.file("big.csv", Array(text.utf8)))
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[1].line, 2)
        XCTAssertEqual(rows[1].fields[1].utf8.count, (3 << 20) + "\"middle\"\n\nend".utf8.count)
        XCTAssertTrue(rows[1].fields[1].hasSuffix("cdef\"middle\"\n\nend"))
        XCTAssertEqual(rows[2], Row(5, ["2", "small"]))
    }

    func testManyFieldsInOneRecord() throws {
        let fields = (0..<1000).map { "f\($0)" }
        let rows = try parse(fields.joined(separator: ",") + "\n" + fields.joined(separator: ","))
        XCTAssertEqual(rows, [Row(1, fields), Row(2, fields)])
    }

    // MARK: Record API

    func testFieldAccessors() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("f.csv", Array("h\n 3 ,+2,-1,,\"\",3.0,x,007,  ,\"4\"\n".utf8))
        let reader = try CSVReader(path: path)
        XCTAssertEqual(try reader.nextRecord { $0.strings }, ["h"])
        let checked: Bool? = try reader.nextRecord { record in
            XCTAssertEqual(record.count, 10)
            XCTAssertEqual(record.line, 2)
            XCTAssertEqual((0..<11).map { record.integer(at: $0) }, [3, 2, -1, nil, nil, nil, nil, 7, nil, 4, nil])
            XCTAssertEqual(
                (0..<11).map { record.isEmpty(at: $0) },
                [false, false, false, true, true, false, false, false, false, false, true])
            XCTAssertEqual(
                (0..<11).map { record.isBlank(at: $0) },
                [false, false, false, true, true, false, false, false, true, false, true])
            XCTAssertEqual(Array(record.bytes(at: 9)), [UInt8(ascii: "4")])
            XCTAssertEqual(Array(record.bytes(at: 0)), Array(" 3 ".utf8))
            XCTAssertEqual(record.string(at: 42), "")
            XCTAssertFalse(record.isBlank)
            return true
        }
        XCTAssertEqual(checked, true)
        XCTAssertNil(try reader.nextRecord { _ in true })
        XCTAssertNil(try reader.nextRecord { _ in true })
    }

    func testParseInteger() {
        func parse(_ text: String) -> Int? {
            Array(text.utf8).withUnsafeBufferPointer { TableRecord.parseInteger($0) }
        }
        XCTAssertEqual(parse("0"), 0)
        XCTAssertEqual(parse("\t-12 "), -12)
        XCTAssertEqual(parse("999999999999999999"), 999_999_999_999_999_999)
        XCTAssertNil(parse("1000000000000000000"))  // 19 digits
        XCTAssertNil(parse("-"))
        XCTAssertNil(parse("+ 1"))
        XCTAssertNil(parse("1 2"))
        XCTAssertNil(parse("１"))
        XCTAssertNil(parse("1e2"))
    }

    func testBlankRecord() throws {
        let scratch = try ScratchDirectory()
        let reader = try CSVReader(path: try scratch.file("b.csv", Array("a,b\n,\n".utf8)))
        var blanks: [Bool] = []
        try reader.forEachRecord { blanks.append($0.isBlank) }
        XCTAssertEqual(blanks, [false, true])
    }

    func testStopsWhenTheBodyThrows() throws {
        struct Stop: Error {}
        let scratch = try ScratchDirectory()
        let reader = try CSVReader(path: try scratch.file("s.csv", Array("a\nb\nc\n".utf8)))
        var seen: [String] = []
        XCTAssertThrowsError(
            try reader.forEachRecord { record in
                seen.append(record.string(at: 0))
                if record.line == 2 { throw Stop() }
            }
        ) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(seen, ["a", "b"])
        XCTAssertEqual(try reader.nextRecord { $0.strings }, ["c"])
    }

    func testReadsFromAPipe() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let text = Array("id,class\n1,\"高一(3)班\"\n".utf8)
        XCTAssertEqual(text.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }, text.count)
        close(fds[1])
        let reader = try CSVReader(fileDescriptor: fds[0], name: "<stdin>", closeWhenDone: true)
        var rows: [Row] = []
        try reader.forEachRecord { rows.append(Row($0.line, $0.strings)) }
        XCTAssertEqual(rows, [Row(1, ["id", "class"]), Row(2, ["1", "高一(3)班"])])
    }
}
