import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Workbooks written by the binary: the data-entry template and the listings, opened by psyscreen's reader, by
/// openpyxl and by LibreOffice.
final class WorkbookOutputTests: XCTestCase {
    var directory = ""
    var cli = CLIRunner()
    var db: String { directory + "/school.sqlite" }

    override func setUpWithError() throws {
        directory = Fixtures.temporaryDirectory("e2e-xlsx-out")
        cli = CLIRunner(environment: ["PSYSCREEN_DB": db])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    private func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    private func succeed(_ arguments: [String]) throws -> CLIRunner.Output {
        let run = try cli.run(arguments)
        XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
        return run
    }

    private func rows(_ path: String, sheet: String? = nil) throws -> [[String]] {
        try SheetRowStream(path: path, sheet: sheet).allRows().map(\.cells)
    }

    /// Sheet names, frozen panes, the validations of the first sheet, the types of the values of its first data
    /// row and the number format of column A (for cells typed later), as openpyxl reads them.
    private func openpyxlSummary(_ path: String, sheet: Int = 0) throws -> String {
        try SpreadsheetTools.python(
            """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[int(sys.argv[2])]
            row = next(ws.iter_rows(min_row=2, max_row=2), ())
            print(json.dumps({
                "sheets": wb.sheetnames, "freeze": ws.freeze_panes,
                "validations": sorted({str(v.formula1) for v in ws.data_validations.dataValidation}),
                "validated": sum(len(list(v.sqref.ranges)) for v in ws.data_validations.dataValidation),
                "types": [type(c.value).__name__ for c in row if c.value is not None],
                "idFormat": ws.column_dimensions["A"].number_format,
            }, ensure_ascii=False, sort_keys=True))
            """, [path, String(sheet)]
        ).trimmingCharacters(in: .newlines)
    }

    private func screenSampleWave() throws {
        _ = try succeed(["roster", "import", "samples/roster.csv"])
        let run = try cli.run(["import", "--wave", "2026-autumn", "--battery", "annual", "samples/paper-results.csv"])
        XCTAssertEqual(run.status, 1, run.stderr)  // the sample's deliberate mistakes
    }

    func testTheBlankTemplate() throws {
        let path = directory + "/entry.xlsx"
        let run = try succeed(["template", "--battery", "annual", "--lang", "zh-Hans", "-o", path])
        XCTAssertEqual(run.stderr, "\(path)：问卷组 annual 的录入工作簿（zh-Hans）\n")
        XCTAssertEqual(try mode(path), 0o644)
        let header = ResultColumns(Fixtures.catalog.battery("annual")!.instruments).templateHeader
        XCTAssertEqual(try rows(path), [header])
        let instructions = try rows(path, sheet: "说明")
        XCTAssertEqual(instructions.first, ["列", "内容", "可填的值"])
        XCTAssertTrue(instructions.contains(["phq9_9", "PHQ-9 第9题：有不如死掉或用某种方式伤害自己的念头", "0 完全不会；1 好几天；2 一半以上的天数；3 几乎每天"]))
        XCTAssertTrue(
            try rows(directory + "/en.xlsx", writing: ["template", "--battery", "annual", "--lang", "en"], sheet: "Instructions")
                .contains([
                    "gad7_1", "GAD-7 item 1: Feeling nervous, anxious, or on edge",
                    "0 Not at all; 1 Several days; 2 More than half the days; 3 Nearly every day",
                ]))

        try SpreadsheetTools.requireOpenpyxl()
        XCTAssertEqual(
            try openpyxlSummary(path),
            #"{"freeze": "A2", "idFormat": "@", "sheets": ["录入", "说明"], "types": [], "validated": 16, "validations": ["\"0,1,2,3\""]}"#
        )
    }

    /// Writes with `arguments + ["-o", path]` and reads `sheet` back.
    private func rows(_ path: String, writing arguments: [String], sheet: String? = nil) throws -> [[String]] {
        _ = try succeed(arguments + ["-o", path])
        return try rows(path, sheet: sheet)
    }

    func testAPrefilledTemplateIsTheClassInRosterOrderOwnerOnlyAndAudited() throws {
        try """
        student_id,name,school,grade,class,gender,status
        000123,罗洋宇,一中,2026,2026级1班,男,在籍
        000045,高梓,一中,2026,2026级1班,女,在籍
        A2,徐然玲,一中,2026,2026级1班,女,休学
        B1,陈晨,一中,2026,2026级2班,男,在籍

        """.write(toFile: directory + "/roster.csv", atomically: true, encoding: .utf8)
        _ = try succeed(["roster", "import", directory + "/roster.csv"])
        let path = directory + "/class.xlsx"
        let run = try succeed([
            "template", "--battery", "annual", "--wave", "2026-autumn", "--class", "2026级1班", "--lang", "zh-Hans", "-o", path,
        ])
        XCTAssertEqual(run.stderr, "\(path)：问卷组 annual 的录入工作簿（zh-Hans），已预填 2 名学生\n")
        XCTAssertEqual(try mode(path), 0o600)
        let entry = try rows(path)
        XCTAssertEqual(
            entry.map { Array($0.prefix(3)) },
            [["student_id", "name", "class"], ["000045", "高梓", "2026级1班"], ["000123", "罗洋宇", "2026级1班"]])
        XCTAssertTrue(try cli.run(["audit"]).stdout.contains("data-entry workbook of wave 2026-autumn to \(path): 2 rows"))

        let refused = try cli.run(["template", "--battery", "annual", "--class", "2026级1班", "-o", directory + "/x.xlsx"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("a pre-filled template needs --wave"), refused.stderr)
        let csv = try cli.run(["template", "--battery", "annual", "--wave", "w", "-o", directory + "/x.csv"])
        XCTAssertEqual(csv.status, 2)
        XCTAssertTrue(csv.stderr.contains("a pre-filled template is a workbook"), csv.stderr)
        let nobody = try cli.run(["template", "--battery", "annual", "--wave", "w", "--class", "9班", "-o", directory + "/x.xlsx"])
        XCTAssertEqual(nobody.status, 2)
        XCTAssertTrue(nobody.stderr.hasSuffix("error: no enrolled students in class 9班 on the roster\n"), nobody.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/x.xlsx"))

        try SpreadsheetTools.requireOpenpyxl()
        XCTAssertEqual(
            try openpyxlSummary(path),
            #"{"freeze": "A2", "idFormat": "@", "sheets": ["录入", "说明"], "types": ["str", "str", "str"], "validated": 16, "validations": ["\"0,1,2,3\""]}"#
        )
    }

    func testListingsAsWorkbooks() throws {
        try screenSampleWave()
        let results = directory + "/results.xlsx"
        _ = try succeed(["results", "--wave", "2026-autumn", "--lang", "zh-Hans", "-o", results])
        XCTAssertEqual(try mode(results), 0o600)
        let table = try rows(results)
        XCTAssertEqual(Array(table[0].prefix(6)), ["学号", "姓名", "学校", "年级", "班级", "PHQ-9 第1题"])
        XCTAssertTrue(table[0].contains("PHQ-9 抑郁症状总分 分级"))
        // The same rows as the CSV a person reads (`--headers human`), in the same language.
        let csvPath = directory + "/results.csv"
        _ = try succeed(["results", "--wave", "2026-autumn", "--headers", "human", "--lang", "zh-Hans", "-o", csvPath])
        let csv = try CSVRows.read(csvPath)
        XCTAssertEqual(
            Array(table.dropFirst()).map { $0 + Array(repeating: "", count: csv[0].count - $0.count) }, Array(csv.dropFirst()))

        let warnings = directory + "/warnings.xlsx"
        _ = try succeed(["warnings", "--wave", "2026-autumn", "--lang", "en", "-o", warnings])
        XCTAssertEqual(try mode(warnings), 0o600)
        XCTAssertEqual(try rows(warnings)[0].prefix(3), ["Student ID", "Name", "School"])
        XCTAssertEqual(
            try rows(warnings, sheet: "Counts by unit")[0],
            ["Unit level", "School", "Grade", "Class", "Red", "Orange", "Yellow", "Open"])

        let unscreened = directory + "/unscreened.xlsx"
        _ = try succeed(["unscreened", "--wave", "2026-autumn", "--format", "xlsx", "--lang", "zh-Hans", "-o", unscreened])
        XCTAssertEqual(try mode(unscreened), 0o600)
        XCTAssertEqual(try rows(unscreened)[0], ["学校", "年级", "班级", "学号", "姓名", "筛查状态"])

        let coverage = directory + "/coverage.xlsx"
        _ = try succeed(["coverage", "--wave", "2026-autumn", "--by", "class", "--lang", "zh-Hans", "-o", coverage])
        XCTAssertEqual(try mode(coverage), 0o644)
        XCTAssertEqual(try rows(coverage)[0], ["学校", "年级", "班级", "在籍", "已筛查", "普查率 %", "未完成", "拒绝参加", "未筛查", "休学", "实习"])

        try SpreadsheetTools.requireOpenpyxl()
        // Numbers are numbers (answers, scores, counts, percentages); IDs, grades and classes stay text.
        XCTAssertTrue(try openpyxlSummary(results).contains(#""types": ["str", "str", "str", "str", "str", "int", "int""#))
        XCTAssertTrue(
            try openpyxlSummary(coverage).contains(
                #""types": ["str", "str", "str", "int", "int", "float", "int", "int", "int", "int", "int"]"#))
    }

    func testEveryWrittenWorkbookOpensInLibreOffice() throws {
        try screenSampleWave()
        let outputs: [(String, [String])] = [
            ("template", ["template", "--battery", "annual"]),
            ("prefilled", ["template", "--battery", "annual", "--wave", "2026-autumn", "--class", "2025级1班"]),
            ("results", ["results", "--wave", "2026-autumn"]), ("warnings", ["warnings", "--wave", "2026-autumn"]),
            ("unscreened", ["unscreened", "--wave", "2026-autumn"]), ("coverage", ["coverage", "--wave", "2026-autumn"]),
        ]
        for (name, arguments) in outputs {
            let path = "\(directory)/\(name).xlsx"
            _ = try succeed(arguments + ["--lang", "zh-Hans", "-o", path])
            let converted = "\(directory)/lo-\(name)"
            try FileManager.default.createDirectory(atPath: converted, withIntermediateDirectories: true)
            try SpreadsheetTools.convert(path, to: "csv", in: converted)
            // LibreOffice wrote one CSV per sheet, each the same rows psyscreen's own reader sees.
            let written = try FileManager.default.contentsOfDirectory(atPath: converted).filter { $0.hasSuffix(".csv") }.sorted()
            XCTAssertFalse(written.isEmpty, name)
            let first = try XCTUnwrap(
                written.first { $0.hasPrefix("\(name)-") && !$0.contains("说明") && !$0.contains("汇总") }, name)
            XCTAssertEqual(
                try CSVRows.read("\(converted)/\(first)").filter { !$0.allSatisfy(\.isEmpty) }.map { row in
                    Array(row.reversed().drop { $0.isEmpty }.reversed())
                }, try rows(path).filter { !$0.isEmpty }, name)
        }
    }
}
