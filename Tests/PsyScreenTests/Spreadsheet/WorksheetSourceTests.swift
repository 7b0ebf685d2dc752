import Foundation
import PsyScreenTestSupport
import XCTest

@testable import PsyScreen

/// A worksheet as the row source `score`, `import` and `roster import` read: records as wide as the header,
/// places named by cell, merged header cells refused.
final class WorksheetSourceTests: XCTestCase {
    private var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch = nil }

    private func source(_ rows: String, after: String = "") throws -> WorksheetSource {
        let path = "\(scratch.path)/book.xlsx"
        try XLSXFixture.write(XLSXFixture.workbook(sheets: [("成绩", XLSXFixture.sheet(rows, after: after))]), to: path)
        return try WorksheetSource(path: path, sheet: nil)
    }

    private func records(_ source: WorksheetSource) throws -> [Row] {
        var rows: [Row] = []
        while let record = try source.next() { rows.append(Row(record.line, record.strings)) }
        return rows
    }

    func testRecordsAreAsWideAsTheHeader() throws {
        let header =
            #"<row r="2">"#
            + ["student_id", "phq9_1", "phq9_2"].enumerated()
            .map { XLSXFixture.cell(CellReference.columnName($0.offset) + "2", inline: $0.element) }.joined() + "</row>"
        let source = try source(
            header + #"<row r="3"><c r="A3" t="inlineStr"><is><t>A1</t></is></c></row>"#
                + #"<row r="5"><c r="B5"><v>1</v></c><c r="C5"><v>2</v></c><c r="F5" t="inlineStr"><is><t>note</t></is></c></row>"#
        )
        XCTAssertEqual(source.name, "\(scratch.path)/book.xlsx!成绩")
        XCTAssertEqual(source.section, "成绩")
        XCTAssertEqual(source.encodingName.english, "Excel sheet 成绩")
        XCTAssertEqual(source.encodingName.chinese, "Excel 工作表 成绩")
        // The note right of the table has no column: it is not read.
        XCTAssertEqual(
            try records(source),
            [
                Row(2, ["student_id", "phq9_1", "phq9_2"]), Row(3, ["A1", "", ""]), Row(4, ["", "", ""]), Row(5, ["", "1", "2"]),
            ])
        XCTAssertEqual(
            source.bytesRead,
            try XCTUnwrap(FileManager.default.attributesOfItem(atPath: "\(scratch.path)/book.xlsx")[.size] as? Int))
        XCTAssertEqual(source.positions.location(line: 12, field: 3).description, "\(scratch.path)/book.xlsx!成绩:C12")
        XCTAssertTrue(source.positions.cells)
    }

    func testMergedHeaderCellsAreRefusedAtTheEndOfTheSheet() throws {
        let source = try source(
            #"<row r="1">"# + XLSXFixture.cell("A1", inline: "student_id") + "</row><row r=\"2\">"
                + XLSXFixture.cell("B2", number: "1") + "</row>",
            after: #"<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B5:C5"/></mergeCells>"#)
        XCTAssertNotNil(try source.next())
        XCTAssertNotNil(try source.next())
        XCTAssertThrowsError(try source.next()) { error in
            XCTAssertEqual(
                "\(error)",
                "\(self.scratch.path)/book.xlsx!成绩:A1: error: merged cells in the header row (A1:A2): every column needs a header cell of its own; unmerge them, and delete any title row above the column names"
            )
        }
    }

    func testTheHeaderIsExplainedWhenARefusedOneWasMerged() throws {
        let source = try source(
            #"<row r="1">"# + XLSXFixture.cell("A1", inline: "PHQ-9 2026") + "</row>",
            after: #"<mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells>"#)
        XCTAssertThrowsError(try PaperResultsReader(source: source, instruments: [Fixtures.instrument("phq9")])) { error in
            XCTAssertTrue(
                "\(error)".hasSuffix(
                    "book.xlsx!成绩:A1: error: merged cells in the header row (A1:I1): every column needs a header cell of its own; unmerge them, and delete any title row above the column names"
                ), "\(error)")
        }
        // Without a merge, the header's own problems stand, named by cell.
        let plain = try self.source(#"<row r="3">"# + XLSXFixture.cell("A3", inline: "phq9_10") + "</row>")
        XCTAssertThrowsError(try PaperResultsReader(source: plain, instruments: [Fixtures.instrument("phq9")])) { error in
            XCTAssertTrue("\(error)".contains("book.xlsx!成绩:A3: error: column 1 'phq9_10': phq9 has no item '10'"), "\(error)")
        }
    }
}
