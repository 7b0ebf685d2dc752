import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// `score`, `import` and `roster import` on workbooks written by openpyxl and re-saved by LibreOffice: the same
/// output, the same problems (named by cell) and the same stored results as the CSV of the same data.
final class WorkbookInputTests: XCTestCase {
    var directory = ""
    var cli = CLIRunner()

    override func setUpWithError() throws {
        directory = Fixtures.temporaryDirectory("e2e-xlsx-in")
        cli = CLIRunner(environment: ["PSYSCREEN_DB": directory + "/school.sqlite"])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    static let items = (1...9).map { "phq9_\($0)" } + (1...7).map { "gad7_\($0)" }

    /// Paper results as a counselor keys them in Excel, as Python values (openpyxl stores every number as a
    /// float-capable number, so `1.0` is a number cell); `None` is an empty cell, `[]` a blank row. Deliberate
    /// mistakes: 2.5, 4 and 二 in item cells; a repeated ID whose repeat raises the crisis flag; a rejected sheet
    /// that raises it.
    static let rows = """
        [
          ["000123", "张三", "2025级1班", datetime.date(2009, 5, 12)] + [1.0, 0, 2, 1, 0, 0, 1, 0, 0] + [1, 0, 0, 1, 2, 0, 0],
          ["A20250002", "李四", "2025级1班", datetime.date(2010, 1, 31)] + [0, 0, 1, 0, 0, 0, 2, 1, 0] + [1, 0, 0, 0, 1, 0, 0],
          [],
          ["A20250003", "王五", "2025级2班", None] + [2.5, 0, 1, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0],
          ["A20250004", "赵六", "2025级2班", None] + [1, 1, 1, 1, 1, 1, 1, 1, 2] + [4, 0, 0, 0, 0, 0, 0],
          ["A20250005", "孙七", "2025级2班", None] + [0, "二", 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0],
          ["A20250002", "李四", "2025级1班", None] + [3, 3, 3, 3, 3, 3, 3, 3, 1] + [3, 3, 3, 3, 3, 3, 3],
          ["A20250006", "周八", "2025级3班", None] + [0, 0, None, None, None, 0, 0, 0, 0] + [2, 2, 2, 2, 2, 2, 2],
        ]
        """

    /// Writes the rows as `book.xlsx` (sheet 成绩, after a sheet of notes that is not read by default) and as the
    /// CSV of the same data (`book.csv`: numbers as Excel shows them, the date as an ISO date).
    private func writeBookAndCSV() throws {
        try SpreadsheetTools.requireOpenpyxl()
        _ = try SpreadsheetTools.python(
            """
            import csv, datetime, sys, openpyxl
            header = ["student_id", "name", "class", "birth_date"] + \(Self.items)
            rows = \(Self.rows)
            wb = openpyxl.Workbook()
            notes = wb.active
            notes.title = "说明"
            notes.sheet_state = "hidden"
            notes.append(["keyed by the class teacher"])
            ws = wb.create_sheet("成绩")
            ws.append(header)
            for row in rows:
                ws.append(row)
            wb.save(sys.argv[1])
            def text(value):
                if value is None: return ""
                if isinstance(value, datetime.date): return value.isoformat()
                if isinstance(value, float) and value.is_integer(): return str(int(value))
                return str(value)
            with open(sys.argv[2], "w", newline="") as f:
                out = csv.writer(f, lineterminator="\\n")
                out.writerow(header)
                for row in rows:
                    out.writerow([text(v) for v in row] if row else [""] * len(header))
            """, [directory + "/book.xlsx", directory + "/book.csv"])
    }

    /// `FILE:LINE:FIELD` as the cell Excel shows (`FILE!SHEET:B12`), for comparing problem lines.
    private func asCells(_ stderr: String, csv: String, workbook: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix(csv + ":"), !line.hasPrefix(csv + ": ") else { return nil }
            let rest = line.dropFirst(csv.count + 1)
            let parts = rest.split(separator: ":", maxSplits: 2)
            guard let row = Int(parts[0]) else { return nil }
            // A worksheet points at other rows by row, a CSV file at other records by line.
            func rows(_ message: some StringProtocol) -> String { message.replacingOccurrences(of: " line ", with: " row ") }
            if let field = Int(parts[1]) {
                return "\(workbook):\(CellReference(column: field - 1, row: row)):\(rows(parts[2]))"
            }
            return "\(workbook):\(row):" + rows(rest.dropFirst(parts[0].count + 1))
        }
    }

    private func problemLines(_ stderr: String, workbook: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix(workbook + ":") && !$0.hasPrefix(workbook + ": ") }
    }

    func testScoreGivesTheSameOutputAndProblemsAsTheCSVOfTheSameData() throws {
        try writeBookAndCSV()
        let csv = try cli.run(["score", "--battery", "annual", directory + "/book.csv", "-o", directory + "/from-csv.csv"])
        let xlsx = try cli.run(["score", "--battery", "annual", directory + "/book.xlsx", "-o", directory + "/from-xlsx.csv"])
        XCTAssertEqual(csv.status, 1, csv.stderr)
        XCTAssertEqual(xlsx.status, 1, xlsx.stderr)
        XCTAssertEqual(
            try String(contentsOfFile: directory + "/from-xlsx.csv", encoding: .utf8),
            try String(contentsOfFile: directory + "/from-csv.csv", encoding: .utf8))
        let sheet = directory + "/book.xlsx!成绩"
        let expected = asCells(csv.stderr, csv: directory + "/book.csv", workbook: sheet)
        XCTAssertEqual(problemLines(xlsx.stderr, workbook: sheet), expected)
        XCTAssertEqual(
            expected.map { $0.replacingOccurrences(of: sheet, with: "") },
            [
                ":E5: error: column phq9_1: '2.5' is not a number",
                ":N6: error: column gad7_1: '4' is not one of the options (0, 1, 2, 3)",
                ":M6: error: column phq9_9: '2' raises the crisis flag phq9.item9 on this rejected record: check the paper form and see the student today",
                ":F7: error: column phq9_2: '二' is not a number",
                ":A8: error: column student_id: 'A20250002' repeats the student_id of row 3; this sheet raises a crisis flag: compare it with row 3 and see the student today",
            ])
        // The same summary, but for the name of the file and what it is.
        let summary = { (run: CLIRunner.Output) in run.stderr.split(separator: "\n").last.map(String.init) ?? "" }
        XCTAssertEqual(
            summary(xlsx),
            summary(csv).replacingOccurrences(of: "book.csv", with: "book.xlsx").replacingOccurrences(
                of: "(UTF-8)", with: "(Excel sheet 成绩)"))
        XCTAssertTrue(
            summary(xlsx).hasSuffix(
                "4 rejected (1 repeated student_id; 2 raising a crisis flag: check their paper forms today); 0 flags raised; 1 blank record skipped"
            ))

        // The same workbook saved by LibreOffice (text now in the shared-string table): the same again.
        let resaved = directory + "/libreoffice"
        try FileManager.default.createDirectory(atPath: resaved, withIntermediateDirectories: true)
        try SpreadsheetTools.convert(directory + "/book.xlsx", to: "xlsx", in: resaved)
        let again = try cli.run([
            "score", "--battery", "annual", "--sheet", "成绩", resaved + "/book.xlsx", "-o", directory + "/from-lo.csv",
        ])
        XCTAssertEqual(again.status, 1, again.stderr)
        XCTAssertEqual(
            try String(contentsOfFile: directory + "/from-lo.csv", encoding: .utf8),
            try String(contentsOfFile: directory + "/from-csv.csv", encoding: .utf8))
        XCTAssertEqual(
            problemLines(again.stderr, workbook: resaved + "/book.xlsx!成绩").map {
                $0.replacingOccurrences(of: resaved + "/book.xlsx!成绩", with: "")
            },
            expected.map { $0.replacingOccurrences(of: sheet, with: "") })
    }

    func testImportStoresWhatTheCSVPathStores() throws {
        try writeBookAndCSV()
        try """
        student_id,name,school,grade,class,gender,status
        000123,张三,一中,2025,2025级1班,男,在籍
        A20250002,李四,一中,2025,2025级1班,女,在籍
        A20250003,王五,一中,2025,2025级2班,男,在籍
        A20250004,赵六,一中,2025,2025级2班,女,在籍
        A20250005,孙七,一中,2025,2025级2班,男,在籍

        """.write(toFile: directory + "/roster.csv", atomically: true, encoding: .utf8)
        var results: [String: [[String]]] = [:]
        var problems: [String: [String]] = [:]
        for kind in ["csv", "xlsx"] {
            let db = "\(directory)/\(kind).sqlite"
            XCTAssertEqual(try cli.run(["roster", "import", "--db", db, directory + "/roster.csv"]).status, 0)
            let run = try cli.run([
                "import", "--db", db, "--wave", "2026-autumn", "--battery", "annual", "\(directory)/book.\(kind)",
            ])
            XCTAssertEqual(run.status, 1, run.stderr)
            problems[kind] = run.stderr.split(separator: "\n").dropLast().map(String.init)
            let out = "\(directory)/results-\(kind).csv"
            XCTAssertEqual(try cli.run(["results", "--db", db, "--wave", "2026-autumn", "-o", out]).status, 0)
            // Everything but the time of the import.
            results[kind] = try CSVRows.read(out).map { Array($0.dropLast()) }
        }
        XCTAssertEqual(results["xlsx"], results["csv"])
        XCTAssertEqual(results["xlsx"]?.count, 3)  // 000123 and A20250002 stored; A20250006 is not on the roster
        XCTAssertEqual(
            problems["xlsx"],
            asCells(problems["csv"]!.joined(separator: "\n"), csv: directory + "/book.csv", workbook: directory + "/book.xlsx!成绩")
        )
        XCTAssertTrue(
            problems["xlsx"]!.contains(
                "\(directory)/book.xlsx!成绩:A9: error: column student_id: 'A20250006' is not on the roster: not stored"),
            "\(problems["xlsx"]!)")
    }

    func testTemplateFilledInOpenpyxlImportsLikeTheCSV() throws {
        try SpreadsheetTools.requireOpenpyxl()
        try """
        student_id,name,school,grade,class,gender,status
        000123,张三,一中,2025,2025级1班,男,在籍
        000124,李四,一中,2025,2025级1班,女,在籍
        000125,王五,一中,2025,2025级1班,男,在籍

        """.write(toFile: directory + "/roster.csv", atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.run(["roster", "import", directory + "/roster.csv"]).status, 0)
        let template = directory + "/entry.xlsx"
        XCTAssertEqual(
            try cli.run([
                "template", "--battery", "annual", "--wave", "2026-autumn", "--class", "2025级1班", "--lang", "zh-Hans", "-o",
                template,
            ]).status, 0)
        // The counselor types digits only: the answers of the three forms, row by row, below the filled-in names.
        _ = try SpreadsheetTools.python(
            """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["录入"]
            answers = [[1,0,2,1,0,0,1,0,0, 1,0,0,1,2,0,0], [3,3,2,3,3,2,3,2,1, 3,3,3,2,3,3,2], [0,0,None,0,0,0,0,0,0, 0,0,0,0,0,0,0]]
            for row, values in enumerate(answers, start=2):
                for column, value in enumerate(values, start=4):
                    ws.cell(row=row, column=column, value=value)
            wb.save(sys.argv[2])
            """, [template, directory + "/filled.xlsx"])
        try """
        student_id,name,class,\(Self.items.joined(separator: ","))
        000123,张三,2025级1班,1,0,2,1,0,0,1,0,0,1,0,0,1,2,0,0
        000124,李四,2025级1班,3,3,2,3,3,2,3,2,1,3,3,3,2,3,3,2
        000125,王五,2025级1班,0,0,,0,0,0,0,0,0,0,0,0,0,0,0,0

        """.write(toFile: directory + "/filled.csv", atomically: true, encoding: .utf8)
        var results: [[[String]]] = []
        for (index, file) in ["filled.xlsx", "filled.csv"].enumerated() {
            let wave = "wave-\(index)"
            let run = try cli.run(["import", "--wave", wave, "--battery", "annual", "\(directory)/\(file)"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let out = "\(directory)/results-\(index).csv"
            XCTAssertEqual(try cli.run(["results", "--wave", wave, "-o", out]).status, 0)
            results.append(try CSVRows.read(out).map { Array($0.dropLast()) })
        }
        XCTAssertEqual(results[0], results[1])
        XCTAssertEqual(results[0].map { $0[0] }, ["student_id", "000123", "000124", "000125"])
        XCTAssertEqual(results[0][2][results[0][0].firstIndex(of: "level")!], "red")
    }

    func testTwoSheetsOfOneWorkbookAreTwoImports() throws {
        try SpreadsheetTools.requireOpenpyxl()
        try """
        student_id,name,school,grade,class,gender,status
        A1,张三,一中,2025,1班,男,在籍
        B1,李四,一中,2025,2班,女,在籍

        """.write(toFile: directory + "/roster.csv", atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.run(["roster", "import", directory + "/roster.csv"]).status, 0)
        _ = try SpreadsheetTools.python(
            """
            import sys, openpyxl
            wb = openpyxl.Workbook()
            for index, (title, student) in enumerate([("1班", "A1"), ("2班", "B1")]):
                ws = wb.active if index == 0 else wb.create_sheet()
                ws.title = title
                ws.append(["student_id"] + \(Self.items))
                ws.append([student] + [1] * 16)
            wb.save(sys.argv[1])
            """, [directory + "/classes.xlsx"])
        for (sheet, message) in [("1班", "1 stored"), ("2班", "1 stored"), ("2班", "already imported")] {
            let run = try cli.run(["import", "--wave", "w", "--battery", "annual", "--sheet", sheet, directory + "/classes.xlsx"])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue((run.stdout + run.stderr).contains(message), "\(sheet): \(run.stdout) \(run.stderr)")
        }
        XCTAssertEqual(
            try CSVRows.read(
                try { () throws -> String in
                    let out = directory + "/results.csv"
                    XCTAssertEqual(try cli.run(["results", "--wave", "w", "-o", out]).status, 0)
                    return out
                }()
            ).dropFirst().map { $0[0] }, ["A1", "B1"])
    }

    func testRosterImportKeepsLeadingZerosAndISODates() throws {
        try SpreadsheetTools.requireOpenpyxl()
        _ = try SpreadsheetTools.python(
            """
            import datetime, sys, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.append(["学号", "姓名", "学校", "年级", "班级", "性别", "状态", "出生日期"])
            ws.append(["000123", "张三", "一中", 2025, "2025级1班", "男", "在籍", datetime.date(2009, 5, 12)])
            ws.append([45, "李四", "一中", 2025.0, "2025级1班", "女", "在籍", datetime.date(2010, 1, 31)])
            ws["A3"].number_format = "000000"
            ws.append([])
            ws.append(["000126", "王五", "一中", 2025, "2025级2班", "男", "休学", None])
            wb.save(sys.argv[1])
            """, [directory + "/roster.xlsx"])
        let run = try cli.run(["roster", "import", directory + "/roster.xlsx"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "\(directory)/roster.xlsx: 3 students (Excel sheet Sheet); 3 added, 0 updated, 0 unchanged\n")
        let store = try SQLiteStore(path: directory + "/school.sqlite", access: .readOnly)
        let students = try store.enrolledStudents()
        XCTAssertEqual(students.map(\.studentID), ["000045", "000123"])
        XCTAssertEqual(students.map(\.birthDate), ["2010-01-31", "2009-05-12"])
        XCTAssertEqual(students.map(\.grade), ["2025", "2025"])
    }

    func testWorkbookProblemsAreClearAndStoreNothing() throws {
        try SpreadsheetTools.requireOpenpyxl()
        _ = try SpreadsheetTools.python(
            """
            import sys, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "成绩"
            ws.append(["2026 秋季筛查 一班"])
            ws.merge_cells("A1:D1")
            ws.append(["student_id", "name", "phq9_1", "phq9_2"])
            ws.append(["A1", "张三", 1, 2])
            wb.save(sys.argv[1])
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "成绩"
            ws.append(["student_id", "name", "phq9_1", "phq9_2"])
            ws.merge_cells("A1:A2")
            ws.append([None, "张三", 1, 2])
            ws.append(["A2", "李四", 0, 0])
            wb.save(sys.argv[2])
            """, [directory + "/title.xlsx", directory + "/merged.xlsx"])
        let title = try cli.run(["score", "--instrument", "phq9", directory + "/title.xlsx", "-o", directory + "/out.csv"])
        XCTAssertEqual(title.status, 2)
        XCTAssertEqual(
            title.stderr,
            "\(directory)/title.xlsx!成绩:A1: error: merged cells in the header row (A1:D1): every column needs a header cell of its own; unmerge them, and delete any title row above the column names\n"
        )
        // A header that reads well but is merged: refused at the end of the sheet, and nothing is written.
        let merged = try cli.run(["score", "--instrument", "phq9", directory + "/merged.xlsx", "-o", directory + "/out.csv"])
        XCTAssertEqual(merged.status, 2, merged.stderr)
        XCTAssertTrue(
            merged.stderr.hasSuffix(
                "merged.xlsx!成绩:A1: error: merged cells in the header row (A1:A2): every column needs a header cell of its own; unmerge them, and delete any title row above the column names\n"
            ), merged.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/out.csv"))

        let sheet = try cli.run(["score", "--instrument", "phq9", "--sheet", "Sheet9", directory + "/title.xlsx"])
        XCTAssertEqual(sheet.status, 2)
        XCTAssertEqual(sheet.stderr, "\(directory)/title.xlsx: error: the workbook has no sheet 'Sheet9' (its sheets: '成绩')\n")
        let encoding = try cli.run(["score", "--instrument", "phq9", "--encoding", "gb18030", directory + "/title.xlsx"])
        XCTAssertEqual(
            encoding.stderr,
            "\(directory)/title.xlsx: error: --encoding and --delimiter are for CSV files; this is an Excel workbook\n")
        try "student_id,phq9_1\n".write(toFile: directory + "/plain.csv", atomically: true, encoding: .utf8)
        let csvSheet = try cli.run(["score", "--instrument", "phq9", "--sheet", "成绩", directory + "/plain.csv"])
        XCTAssertEqual(
            csvSheet.stderr, "\(directory)/plain.csv: error: --sheet 成绩 is for Excel workbooks; this file is read as CSV\n")
        let roster = try cli.run(["roster", "import", directory + "/title.xlsx"])
        XCTAssertEqual(roster.status, 2)
        XCTAssertTrue(
            roster.stderr.hasPrefix("\(directory)/title.xlsx!成绩:A1: error: merged cells in the header row (A1:D1)"), roster.stderr
        )
        XCTAssertTrue(roster.stderr.hasSuffix("error: the roster was not imported (1 problem)\n"), roster.stderr)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)).write(
            to: URL(fileURLWithPath: directory + "/old.xls"))
        let old = try cli.run(["roster", "import", directory + "/old.xls"])
        XCTAssertEqual(old.status, 2)
        XCTAssertTrue(
            old.stderr.contains("old.xls: error: an Excel 97–2003 workbook (.xls) or a password-protected one"), old.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/school.sqlite"))
    }
}
