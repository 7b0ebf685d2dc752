@testable import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Generated files against the records they were written from: plain and quoted fields, control characters,
/// every line ending, blank lines, long and short records. `parse` reads each with every chunk size, so the
/// one-line fast path (whole records in the buffer) and the general loop (records across chunk ends) must agree.
final class CSVReaderRandomTests: XCTestCase {
    private static let alphabet: [String] = [
        "a", "Z", "7", "0", " ", "\t", "-", "=", "中", "é", "\u{1}", "\"", ",", ";", "\n", "\r",
    ]

    /// LF, CRLF and lone CR, each once (by bytes: "\r\n" is a single Character).
    private static func lineBreaks(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        return bytes.indices.filter {
            bytes[$0] == 0x0A || (bytes[$0] == 0x0D && ($0 + 1 == bytes.count || bytes[$0 + 1] != 0x0A))
        }.count
    }

    func testGeneratedFilesReadBackExactly() throws {
        var random = SplitMix64(seed: 4180)
        for round in 0..<60 {
            let delimiter: (option: CSVDelimiter, text: String) = [(.comma, ","), (.semicolon, ";"), (.tab, "\t")][round % 3]
            let ending = ["\n", "\r\n", "\r"][Int(random.next() % 3)]
            var text = ""
            var expected: [Row] = []
            var line = 1
            let records = 1 + Int(random.next() % 40)
            for index in 0..<records {
                while random.next() % 6 == 0 {  // blank lines are skipped but counted
                    text += ending
                    line += 1
                }
                let count = 1 + Int(random.next() % (random.next() % 4 == 0 ? 60 : 20))
                var fields: [String] = []
                var cells: [String] = []
                var breaks = 0
                for _ in 0..<count {
                    let length = Int(random.next() % (random.next() % 8 == 0 ? 90 : 6))
                    var value = (0..<length).map { _ in Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))] }.joined()
                    if count == 1 && value.isEmpty { value = "x" }  // a lone empty field would be a blank line
                    let special = value.utf8.contains { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || value.contains(delimiter.text)
                    if special {
                        cells.append("\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                        breaks += Self.lineBreaks(value)
                    } else {
                        cells.append(value)
                    }
                    fields.append(value)
                }
                expected.append(Row(line, fields))
                text += cells.joined(separator: delimiter.text)
                line += 1 + breaks
                if index < records - 1 || random.next() % 2 == 0 { text += ending }
            }
            let rows = try parse(text, CSVReader.Options(delimiter: delimiter.option, encoding: .utf8))
            XCTAssertEqual(rows, expected, "round \(round)")
        }
    }
}
