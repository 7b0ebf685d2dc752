import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Records that do not come from a CSV file (rows of an Excel sheet, say) go through the same reader, built with
/// ``RecordBuilder``.
final class RowSourceTests: XCTestCase {
    /// Rows in memory, one record per row, on lines 1, 2, 3…
    final class Rows: RowSource {
        let rows: [[String]]
        let builder = RecordBuilder()
        var position = 0

        init(_ rows: [[String]]) { self.rows = rows }

        var name: String { "sheet1" }
        var bytesRead: Int { 0 }
        var encodingName: LocalizedText { LocalizedText(english: "xlsx", chinese: "xlsx") }

        func next() throws -> TableRecord? {
            guard position < rows.count else { return nil }
            for cell in rows[position] { builder.append(cell) }
            position += 1
            return builder.finish(line: position)
        }
    }

    func testASheetOfRowsReadsLikeACSVFile() throws {
        let header = ["student_id"] + (1...7).map { "gad7_\($0)" }
        let source = Rows([
            header, ["A1", "0", "1", "2", "3", "0", "1", "2"], ["", " ", "", "", "", "", "", ""],
            ["A2", "4", "", "", "", "", "", ""],
            [" a1", "1", "1", "1", "1", "1", "1", "1"],
        ])
        let reader = try PaperResultsReader(
            source: source, instruments: [Fixtures.instrument("gad7")], options: .init(requireStudentID: true))
        var kinds: [PaperResultsReader.Kind] = []
        var sheets: [PaperSheet] = []
        while let (kind, record) = try reader.next() {
            kinds.append(kind)
            if kind == .sheet {
                sheets.append(reader.sheet(record))
                try reader.rememberStudentID(record)
            }
            if kind == .rejected {
                XCTAssertEqual(
                    reader.problems,
                    [RecordProblem(line: 4, field: 2, column: "gad7_1", value: "4", reason: .notAnOption([0, 1, 2, 3]))])
            }
        }
        XCTAssertEqual(kinds, [.sheet, .blank, .rejected, .sheet])
        XCTAssertEqual(sheets.map(\.answers["gad7"]!), [[0, 1, 2, 3, 0, 1, 2], [1, 1, 1, 1, 1, 1, 1]])
        var repeats: [RecordProblem] = []
        try reader.forEachRepeat { repeats.append($0.problem) }
        XCTAssertEqual(
            repeats,
            [
                RecordProblem(
                    line: 5, field: 1, column: "student_id", value: "A1",
                    reason: .repeatsStudentID(firstLine: 2, raisesCrisis: false))
            ])
    }
}
