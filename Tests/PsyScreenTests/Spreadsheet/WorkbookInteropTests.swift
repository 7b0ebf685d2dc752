import Foundation
import PsyScreenTestSupport
import XCTest

@testable import PsyScreen

/// psyscreen's workbooks read by openpyxl and LibreOffice, and theirs read by psyscreen: the checks no
/// hand-written fixture can make (a repair prompt, a value read differently).
final class WorkbookInteropTests: XCTestCase {
    private var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch = nil }

    private func written() throws -> String {
        let instructions = SpreadsheetTable(
            name: "说明", columns: [.init("说明", wraps: true, width: 80)],
            rows: [[.text("每行一名学生。学号按文本输入，保留前导零。")], [.text("Items accept 0–3 only.")]], freezesHeader: false)
        return try scratch.file("written.xlsx", try WorkbookWriter.xlsx([WorkbookWritingTests.entry, instructions]))
    }

    func testOpenpyxlReadsWhatPsyscreenWrites() throws {
        try SpreadsheetTools.requireOpenpyxl()
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb[wb.sheetnames[0]]
            out = {
                "sheets": wb.sheetnames,
                "freeze": ws.freeze_panes,
                "rows": [[[type(c.value).__name__, c.value] for c in row] for row in ws.iter_rows()],
                "validations": [[str(v.sqref), v.type, v.formula1, v.error] for v in ws.data_validations.dataValidation],
                "idFormat": ws["A2"].number_format,
                "widths": [ws.column_dimensions[c].width for c in "ABC"],
            }
            print(json.dumps(out, ensure_ascii=False, sort_keys=True))
            """
        let output = try SpreadsheetTools.python(script, [try written()])
        // openpyxl leaves OOXML's escapes of control characters in inline strings as they are (Excel and
        // LibreOffice decode them: see the next test).
        XCTAssertEqual(
            output.trimmingCharacters(in: .newlines),
            #"{"freeze": "A2", "idFormat": "@", "rows": [[["str", "student_id"], ["str", "name"], ["str", "phq9_1"]], [["str", "000123"], ["str", "张三"], ["int", 2]], [["str", "B7"], ["str", " 李四 & <王> \"五\""], ["NoneType", null]], [["str", "x_x0001_y_x000D_z_x005F_x0041_"], ["float", 2.5], ["float", -0.125]]], "sheets": ["录入", "说明"], "validations": [["C2:C501", "list", "\"0,1,2,3\"", "请输入 0、1、2 或 3"]], "widths": [13.0, 18.0, 9.0]}"#
        )
    }

    func testLibreOfficeOpensWhatPsyscreenWrites() throws {
        let path = try written()
        try SpreadsheetTools.convert(path, to: "csv", in: scratch.path)
        XCTAssertEqual(
            try String(contentsOfFile: scratch.path + "/written-录入.csv", encoding: .utf8),
            "student_id,name,phq9_1\n000123,张三,2\nB7,\" 李四 & <王> \"\"五\"\"\",\n\"x\u{1}y\rz_x0041_\",2.5,-0.125\n")
        XCTAssertEqual(
            try String(contentsOfFile: scratch.path + "/written-说明.csv", encoding: .utf8),
            "说明\n每行一名学生。学号按文本输入，保留前导零。\nItems accept 0–3 only.\n")
    }

    /// The workbook a counselor keys in openpyxl (or Excel): floats for whole numbers, a date, an ID with leading
    /// zeros kept as text, a blank row, booleans; then the same workbook saved by LibreOffice, which stores its
    /// text in the shared-string table. Both read the same.
    func testWorkbooksWrittenByOpenpyxlAndLibreOffice() throws {
        try SpreadsheetTools.requireOpenpyxl()
        let path = scratch.path + "/keyed.xlsx"
        _ = try SpreadsheetTools.python(
            """
            import datetime, sys, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "成绩"
            ws.append(["student_id", "name", "birth_date", "phq9_1", "phq9_2", "ok"])
            ws.append(["000123", "张三", datetime.date(2009, 5, 12), 1.0, 2, True])
            ws.append([])
            ws.append(["B7", "李四", datetime.datetime(2010, 1, 31, 8, 30), 2.5, None, False])
            ws.append([20250001, "王五", "2009-05-12", 3.0000000000000004, 0.1 + 0.2, None])
            ws["C5"].number_format = "yyyy/m/d"
            wb.create_sheet("Other").append(["x"])
            wb.save(sys.argv[1])
            """, [path])
        let expected = [
            Row(1, ["student_id", "name", "birth_date", "phq9_1", "phq9_2", "ok"]),
            Row(2, ["000123", "张三", "2009-05-12", "1", "2", "TRUE"]), Row(3, []),
            Row(4, ["B7", "李四", "2010-01-31 08:30:00", "2.5", "", "FALSE"]),
            Row(5, ["20250001", "王五", "2009-05-12", "3", "0.3"]),
        ]
        XCTAssertEqual(try SheetRowStream(path: path, sheet: nil).allRows().map { Row($0.number, $0.cells) }, expected)

        let resaved = scratch.path + "/libreoffice"
        try FileManager.default.createDirectory(atPath: resaved, withIntermediateDirectories: true)
        try SpreadsheetTools.convert(path, to: "xlsx", in: resaved)
        let saved = resaved + "/keyed.xlsx"
        XCTAssertTrue(
            try SheetRowStream(path: saved, sheet: nil).allRows().isEmpty == false)
        let archive = try WorkbookArchive(path: saved, limits: WorkbookLimits())
        XCTAssertTrue(archive.contains("xl/sharedStrings.xml"), "LibreOffice stores text in the shared-string table")
        XCTAssertEqual(try SheetRowStream(path: saved, sheet: "成绩").allRows().map { Row($0.number, $0.cells) }, expected)
    }
}
