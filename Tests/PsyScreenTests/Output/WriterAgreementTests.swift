import Foundation
import PsyScreen
import XCTest

/// One CSV quoting rule and one JSON layout: every writer gives the same bytes for the same value.
final class WriterAgreementTests: XCTestCase {
    static let awkward = [
        "plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rx", "", "=1+2", "-5", "@x", "\tx", "高一(3)班", "back\\slash", "\u{1}ctl",
        String(repeating: "long \"quoted\", ", count: 10),
    ]

    func testCSVWriterAndCSVFieldQuoteAlike() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/out.csv"
        for neutralizing in [false, true] {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            let writer = CSVWriter(fileDescriptor: fd, name: path)
            try writer.writeRecord(Self.awkward, neutralizingFormulas: neutralizing)
            try writer.flush()
            close(fd)
            let expected =
                Self.awkward.map { CSVField.encoded($0, neutralizingFormula: neutralizing) }.joined(separator: ",") + "\n"
            XCTAssertEqual(String(decoding: try scratch.contents("out.csv"), as: UTF8.self), expected)
        }
        XCTAssertEqual(CSVField.encoded("=1+2", neutralizingFormula: true), "'=1+2")
        XCTAssertEqual(CSVField.encoded("\r=x", neutralizingFormula: true), "\"'\r=x\"")
        XCTAssertEqual(CSVField.encoded("say \"hi\""), "\"say \"\"hi\"\"\"")
    }

    func testJSONStringsAreEscapedAlikeEverywhere() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/out.jsonl"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let lines = JSONLinesWriter(fileDescriptor: fd, name: path)
        for value in Self.awkward {
            try lines.field("v", string: value)
            try lines.endObject()
        }
        try lines.flush()
        close(fd)
        let written = String(decoding: try scratch.contents("out.jsonl"), as: UTF8.self).split(separator: "\n")
        for (value, line) in zip(Self.awkward, written) {
            let quoted = String(decoding: JSONEscaping.quoted(value), as: UTF8.self)
            XCTAssertEqual(String(line), "{\"v\":\(quoted)}")
            XCTAssertEqual(JSONValue.string(value).rendered(), quoted + "\n")
            // And a standard parser reads back the value.
            let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            XCTAssertEqual(parsed?["v"], value)
        }
        XCTAssertEqual(String(decoding: JSONEscaping.quoted("\u{1}\u{1F}"), as: UTF8.self), "\"\\u0001\\u001f\"")
    }

    func testCodableRecordsUseTheOneLayoutWithSortedKeys() throws {
        struct Record: Encodable {
            var name: String
            var count: Int
            var mean: Double?
            var missing: Int?
            var bands: [String: Int]
            var list: [Double]
        }
        let value = try JSONValue(
            encoding: Record(name: "高一", count: 3, mean: 1.5, missing: nil, bands: ["mild": 2, "minimal": 1], list: [1, 2.25]))
        XCTAssertEqual(
            value.rendered(),
            """
            {
              "bands": {
                "mild": 2,
                "minimal": 1
              },
              "count": 3,
              "list": [
                1,
                2.25
              ],
              "mean": 1.5,
              "name": "高一"
            }

            """)
    }
}
