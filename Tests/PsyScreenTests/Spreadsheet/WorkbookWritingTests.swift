import Foundation
import PsyScreenTestSupport
import XCTest
import ZIPFoundation

@testable import PsyScreen

/// Workbooks written by psyscreen: what they hold, read back by psyscreen's reader and by looking at the parts.
final class WorkbookWritingTests: XCTestCase {
    private var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch = nil }

    static let entry = SpreadsheetTable(
        name: "录入",
        columns: [
            .init("student_id", isText: true), .init("name"),
            .init(
                "phq9_1",
                validation: .init(values: ["0", "1", "2", "3"], errorTitle: "不是选项", error: "请输入 0、1、2 或 3")),
        ],
        rows: [
            [.text("000123"), .text("张三"), .integer(2)],
            [.text("B7"), .text(" 李四 & <王> \"五\""), .empty],
            [.text("x\u{1}y\rz_x0041_"), .number(2.5), .number(-0.125)],
        ],
        entryRows: 500)

    private func write(_ tables: [SpreadsheetTable], _ name: String = "out.xlsx") throws -> String {
        try scratch.file(name, try WorkbookWriter.xlsx(tables))
    }

    private func part(_ path: String, _ name: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var data = Data()
        _ = try archive.extract(try XCTUnwrap(archive[name])) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    func testCellsReadBackAsWritten() throws {
        let path = try write([Self.entry])
        let rows = try SheetRowStream(path: path, sheet: nil).allRows().map { Row($0.number, $0.cells) }
        XCTAssertEqual(
            rows,
            [
                Row(1, ["student_id", "name", "phq9_1"]), Row(2, ["000123", "张三", "2"]), Row(3, ["B7", " 李四 & <王> \"五\""]),
                Row(4, ["x\u{1}y\rz_x0041_", "2.5", "-0.125"]),
            ])
    }

    func testFrozenHeaderTextColumnsListValidationsAndWidths() throws {
        let sheet = try part(try write([Self.entry]), "xl/worksheets/sheet1.xml")
        XCTAssertTrue(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#), sheet)
        // The ID column is text (style 2 is numFmtId 49, "@") for the cells written and those typed later.
        XCTAssertTrue(sheet.contains(#"<col min="1" max="1" width="13" customWidth="1" style="2"/>"#), sheet)
        XCTAssertTrue(sheet.contains(#"<c r="A2" t="inlineStr" s="2"><is><t>000123</t></is></c>"#), sheet)
        XCTAssertTrue(
            sheet.contains(
                #"<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="不是选项" error="请输入 0、1、2 或 3" sqref="C2:C501"><formula1>&quot;0,1,2,3&quot;</formula1></dataValidation>"#
            ),
            sheet)
        // " 李四 & <王> "五"" is 17 columns wide with its wide characters counted twice (one more for the margin).
        XCTAssertTrue(sheet.contains(#"<col min="2" max="2" width="18" customWidth="1"/>"#), sheet)
        XCTAssertTrue(sheet.contains(#"<c r="C2"><v>2</v></c>"#), sheet)
        let styles = try part(try write([Self.entry], "again.xlsx"), "xl/styles.xml")
        XCTAssertTrue(styles.contains(#"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#))
    }

    func testSeveralSheetsWithNamesExcelAccepts() throws {
        let tables = ["结果", "a/b:c", "结果", String(repeating: "长", count: 40), ""].map {
            SpreadsheetTable(name: $0, columns: [.init("x")], rows: [[.integer(1)]])
        }
        XCTAssertEqual(
            WorkbookWriter.sheetNames(tables.map(\.name)),
            ["结果", "a_b_c", "结果 (2)", String(repeating: "长", count: 31), "Sheet"])
        let path = try write(tables)
        XCTAssertEqual(try SheetRowStream(path: path, sheet: "结果 (2)").allRows().map(\.cells), [["x"], ["1"]])
    }

    func testTheSameTablesGiveTheSameBytes() throws {
        XCTAssertEqual(try WorkbookWriter.xlsx([Self.entry]), try WorkbookWriter.xlsx([Self.entry]))
    }

    func testRenderedTablesTurnPlainNumbersIntoNumbers() {
        let table = SpreadsheetTable.converting(
            name: "t", header: ["id", "n", "x"], rows: [["007", "12", "-3.50"], ["8", "0.5", "1e3"], ["", "01", "—"]],
            textColumns: [0])
        XCTAssertEqual(
            table.rows,
            [
                [.text("007"), .integer(12), .number(-3.5)], [.text("8"), .number(0.5), .text("1e3")],
                [.empty, .text("01"), .text("—")],
            ])
    }
}
