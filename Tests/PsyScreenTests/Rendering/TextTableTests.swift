import Foundation
import PsyScreen
import XCTest

/// A table written row by row has the bytes of the same table rendered whole: CJK text two columns wide, numbers
/// on the right, the last column never padded.
final class TextTableTests: XCTestCase {
    func testRowsWrittenToAFileAreTheLinesOfTheRenderedTable() throws {
        let rows = [
            ["student_id", "name", "red", "note"],
            ["A20250001", "王小明", "12", "phq9 flag item9"],
            ["B7", "Li", "3", ""],
            ["C20250003", "欧阳娜娜", "100", "学校"],
        ]
        let numbers: Set<Int> = [2]
        var widths = [Int](repeating: 0, count: 4)
        for row in rows { TextTable.measure(row, into: &widths) }
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/table.txt"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let writer = ByteWriter(fileDescriptor: fd, name: path, capacity: 64)  // smaller than the table: several hand-overs
        for row in rows { try TextTable.writeLine(row, widths: widths, rightAligned: numbers, to: writer) }
        try writer.flush()
        let rendered = TextTable.render(rows, rightAligned: numbers).split(separator: "\n").enumerated()
            .filter { $0.offset != 1 }  // the dashes under the header
            .map { $0.element + "\n" }.joined()
        XCTAssertEqual(String(decoding: try scratch.contents("table.txt"), as: UTF8.self), rendered)
        XCTAssertEqual(
            TextTable.line(rows[1], widths: widths, rightAligned: numbers), "A20250001   王小明     12  phq9 flag item9")
    }

    /// The whole table, exactly: the header underlined, a short row, and a row longer than the header laid out as
    /// far as the header goes; the bytes are the rendered text's.
    func testTheRenderedTableIsLaidOutCellByCell() {
        let rows = [["id", "班级", "n"], ["A1", "高一(3)班", "7"], ["B22"], ["C", "x", "100", "extra"]]
        let expected = "id   班级         n\n---  ---------  ---\nA1   高一(3)班    7\nB22\nC    x          100\n"
        XCTAssertEqual(TextTable.render(rows, rightAligned: [2]), expected)
        XCTAssertEqual(TextTable.bytes(header: rows[0], rows: rows.dropFirst(), rightAligned: [2]), Array(expected.utf8))
        XCTAssertEqual(TextTable.render([]), "")
    }
}
