import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Under a Chinese locale no English reaches the reader: every command and its error paths, run with
/// `LANG=zh_CN.UTF-8` and no `--lang`, print no English word outside ids, column keys, option and command names,
/// file names and the test's own data (``EnglishWords``). Two allowances, each announced in Chinese first: the
/// messages libxml2 writes about a file that breaks the schema, and argument-parser's usage errors (like `--help`).
final class ChineseInterfaceTests: XCTestCase {
    var school = ""
    var zh = CLIRunner()
    var english = EnglishWords(catalog: Fixtures.catalog)

    override func setUpWithError() throws {
        school = Fixtures.temporaryDirectory("e2e-zh")
        zh = CLIRunner(
            currentDirectory: school,
            environment: [
                "LANG": "zh_CN.UTF-8", "PSYSCREEN_DB": school + "/school.sqlite", "PSYSCREEN_KEY": school + "/keys/pseudonym.key",
            ])
        // The test's own data: ids, names and values it gives, echoed back in messages.
        english = EnglishWords(
            catalog: Fixtures.catalog,
            data: ["w", NSUserName(), "nobody", "nope", "bogus", "latin", "fr", "yn", "gap", "bad", "mini", "w2"])
        let files = FileManager.default
        try files.copyItem(atPath: Fixtures.samplesDirectory + "/paper-results.csv", toPath: school + "/paper.csv")
        try files.copyItem(atPath: Fixtures.samplesDirectory + "/roster.csv", toPath: school + "/roster.csv")
        try Data("student_id,name,school,grade,class,gender,status\nS1,张三,一中,2026,1班,女,毕业\nS1,,一中,2026,1班,女,在籍\n".utf8)
            .write(to: URL(fileURLWithPath: school + "/bad-roster.csv"))
        try Data(Self.semanticError.utf8).write(to: URL(fileURLWithPath: school + "/gap.xml"))
        try Data(Self.schemaError.utf8).write(to: URL(fileURLWithPath: school + "/schema.xml"))
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: school + "/damaged.sqlite"))
        try Self.writeWorkbooks(in: school)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: school) }

    func testNoEnglishReachesAChineseReader() throws {
        let student = "B20250072"  // red in the samples
        let runs: [(arguments: [String], status: Int32, stdoutIsForPeople: Bool)] = [
            // The README's workflows, in order.
            (["instruments"], 0, true),
            (["show", "phq9"], 0, true),
            (["show", "annual"], 0, true),
            (["template", "--battery", "annual"], 0, false),
            (["score", "--battery", "annual", "paper.csv", "-o", "scored.csv"], 1, true),
            (["score", "--battery", "annual", "paper.csv", "-o", "scored2.csv", "--errors", "errors.csv"], 1, true),
            (["roster", "import", "roster.csv"], 0, true),
            (["import", "--wave", "w", "--battery", "annual", "paper.csv"], 1, true),
            (["import", "--wave", "w", "--battery", "annual", "paper.csv"], 0, true),
            (["wave", "close", "w"], 0, true),
            (["coverage", "--wave", "w", "--by", "class"], 0, true),
            (["coverage", "--wave", "w", "--by", "grade", "--format", "csv", "--headers", "human"], 0, true),
            (["unscreened", "--wave", "w"], 0, true),
            (["warnings", "--wave", "w"], 0, true),
            (["warnings", "--wave", "w", "--level", "red", "--format", "csv", "--headers", "human"], 0, true),
            (["follow-up", student, "--wave", "w", "--status", "referred", "--note", "班主任已谈话"], 0, true),
            (["history", student], 0, true),
            (["results", "--wave", "w", "-o", "results.csv"], 0, true),
            (["audit"], 0, true),
            (["db", "init"], 0, true),
            (["db", "init", "--roles"], 2, true),
            (["db", "grant", "nobody", "--terminal"], 2, true),
            (["db", "grant", "nobody"], 2, true),
            (["db", "copy", "--from", "school.sqlite", "--to", "school.sqlite"], 2, true),
            (["db", "copy", "--from", "school.sqlite", "--to", "copy.sqlite"], 0, true),
            (["db", "copy", "--from", "school.sqlite", "--to", "copy.sqlite"], 2, true),
            (["form", "--battery", "annual", "-o", "form.html"], 0, true),
            (["take", "--battery", "annual", "--wave", "w"], 0, true),
            (["report", "--wave", "w"], 0, true),
            (["report", "--wave", "w", "--format", "md"], 0, true),
            (["key", "init"], 0, true),
            (["export", "--wave", "w", "-o", "school.json"], 0, true),
            (["export", "--deidentified", "--wave", "w", "-o", "research.csv"], 0, true),
            (["merge", "school.json"], 0, true),
            (["db", "check"], 0, true),
            (["db", "backup", "backup.sqlite"], 0, true),
            (["validate", Fixtures.instrumentsDirectory + "/phq9.xml"], 0, true),
            // The same in workbooks.
            (["template", "--battery", "annual", "-o", "entry.xlsx"], 0, true),
            (["template", "--battery", "annual", "--wave", "w", "--class", "2025级1班", "-o", "class.xlsx"], 0, true),
            (["score", "--instrument", "phq9", "book.xlsx", "-o", "scored.xlsx.csv"], 1, true),
            (["import", "--wave", "w2", "--instrument", "phq9", "book.xlsx"], 1, true),
            (["results", "--wave", "w", "-o", "results.xlsx"], 0, true),
            (["warnings", "--wave", "w", "-o", "warnings.xlsx"], 0, true),
            (["unscreened", "--wave", "w", "-o", "unscreened.xlsx"], 0, true),
            (["coverage", "--wave", "w", "-o", "coverage.xlsx"], 0, true),
            (["report", "--wave", "w", "-o", "report.xlsx"], 0, true),
            // Their error paths.
            (["show", "nope"], 2, true),
            (["validate", "gap.xml", "schema.xml"], 1, true),
            (["score", "--instrument", "gap.xml", "paper.csv"], 2, true),
            (["template"], 2, true),
            (["score", "--battery", "annual", "missing.csv"], 2, true),
            (["score", "--battery", "annual", "--encoding", "latin1", "paper.csv"], 2, true),
            (["score", "--battery", "annual", "paper.csv", "--errors", "-"], 2, true),
            (["score", "--battery", "annual", "--instrument", "phq9", "paper.csv"], 2, true),
            (["score", "--battery", "annual", "paper.csv", "-o", "paper.csv"], 2, true),
            (["score", "--battery", "nope", "paper.csv"], 2, true),
            (["roster", "import", "bad-roster.csv"], 2, true),
            (["import", "--wave", "w", "--battery", "annual", "-"], 2, true),
            (["coverage", "--wave", "nope"], 0, true),
            (["coverage", "--wave", "w", "--db", "none.sqlite"], 2, true),
            (["coverage", "--wave", "w", "--db", "damaged.sqlite"], 2, true),
            (["db", "check", "--db", "damaged.sqlite"], 1, true),
            (["warnings", "--wave", "w", "--format", "json", "--headers", "human"], 2, true),
            (["follow-up", student, "--wave", "w", "--status", "new"], 2, true),
            (["follow-up", "NOBODY", "--wave", "w", "--status", "closed"], 2, true),
            (["history", "NOBODY"], 2, true),
            (["report", "--wave", "nope"], 2, true),
            (["report", "--wave", "w", "--min-cell", "2"], 2, true),
            (["report", "--wave", "w", "--by", "bogus"], 2, true),
            (["key", "init"], 2, true),
            (["export", "--wave", "w", "-o", "x.json", "--key", "k"], 2, true),
            (["export", "--deidentified", "--wave", "w", "-o", "-"], 2, true),
            (["merge", "school.json", "school.json"], 2, true),
            (["merge", "missing.json"], 2, true),
            (["form", "--battery", "annual", "--format", "pdf"], 2, true),
            (["form", "--battery", "annual", "--class", "1班"], 2, true),
            (["take", "--battery", "nope", "--wave", "w"], 2, true),
            (["wave", "close", "nope"], 2, true),
            (["wave", "open", "w"], 0, true),
            (["report", "--wave", "w"], 2, true),
            (["export", "--wave", "w", "-o", "open.json"], 2, true),
            (["report", "--wave", "w", "--draft", "-o", "draft.html", "--format", "html"], 0, true),
            (["wave", "close", "w", "--min-cell", "12"], 0, true),
            (["report", "--wave", "w"], 2, true),
            (["take", "--battery", "annual", "--wave", " "], 2, true),
            (["coverage"], 2, true),
            (["score", "--instrument", "phq9", "--sheet", "成绩", "paper.csv"], 2, true),
            (["score", "--instrument", "phq9", "--sheet", "nope", "book.xlsx"], 2, true),
            (["score", "--instrument", "phq9", "--encoding", "gb18030", "book.xlsx"], 2, true),
            (["score", "--instrument", "phq9", "old.xlsx"], 2, true),
            (["roster", "import", "merged.xlsx"], 2, true),
            (["template", "--battery", "annual", "--wave", "w", "-o", "entry.csv"], 2, true),
        ]
        let takeInput = "X99\n\(student)\ny\ny\n1\n?\n9\nq\n"
        for run in runs {
            let output = try zh.run(run.arguments, input: run.arguments.first == "take" ? takeInput : "")
            XCTAssertEqual(output.status, run.status, "\(run.arguments): \(output.stderr)")
            check(output.stderr, of: run.arguments)
            if run.stdoutIsForPeople { check(output.stdout, of: run.arguments) }
        }
        let errors = try String(contentsOfFile: school + "/errors.csv", encoding: .utf8)
        check(errors.components(separatedBy: "\n").dropFirst().joined(separator: "\n"), of: ["--errors errors.csv"])
        var environment = zh
        environment.environment["PSYSCREEN_LANG"] = "fr"
        let ignored = try environment.run(["instruments"])
        XCTAssertTrue(ignored.stderr.hasPrefix("警告：PSYSCREEN_LANG 的值 'fr'"), ignored.stderr)
        check(ignored.stderr, of: ["PSYSCREEN_LANG=fr instruments"])
    }

    /// Fails on each line of `text` with an English word the allowances do not cover.
    private func check(_ text: String, of arguments: [String], line: UInt = #line) {
        var library = false
        for row in text.components(separatedBy: "\n") {
            if row == CommandMessage.usageErrorFollows.chinese { return }  // argument-parser's English follows
            if row == CommonMessage.libraryTextFollows.chinese {
                library = true
                continue
            }
            // libxml2's schema messages, announced: `FILE:LINE: 错误：Element '…': …`.
            if library && row.contains(": 错误：Element '") { continue }
            let words = english.find(in: row)
            XCTAssertTrue(words.isEmpty, "\(arguments.joined(separator: " ")): English \(words) in: \(row)", line: line)
        }
    }

    /// Workbooks with mistakes: a cell that is not an option, a repeated ID (`book.xlsx`); a title merged over
    /// the header (`merged.xlsx`); an Excel 97–2003 file under an .xlsx name (`old.xlsx`).
    static func writeWorkbooks(in folder: String) throws {
        func row(_ number: Int, _ cells: [String]) -> String {
            let inline = cells.enumerated().map {
                XLSXFixture.cell("\(CellReference(column: $0.offset, row: number))", inline: $0.element)
            }
            return #"<row r="\#(number)">\#(inline.joined())</row>"#
        }
        let header = ["student_id"] + (1...9).map { "phq9_\($0)" }
        let rows =
            row(1, header) + row(2, ["B20250072", "4", "0", "0", "0", "0", "0", "0", "0", "0"])
            + row(3, ["B20250087", "1", "1", "1", "1", "1", "1", "1", "1", "0"])
            + row(4, ["B20250087", "0", "0", "0", "0", "0", "0", "0", "0", "0"])
        try XLSXFixture.write(XLSXFixture.workbook(sheets: [("成绩", XLSXFixture.sheet(rows))]), to: folder + "/book.xlsx")
        let roster = row(1, ["2026 学生名单", "", ""]) + row(2, ["student_id", "name", "school"])
        try XLSXFixture.write(
            XLSXFixture.workbook(sheets: [
                ("名单", XLSXFixture.sheet(roster, after: #"<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>"#))
            ]),
            to: folder + "/merged.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
            .write(to: URL(fileURLWithPath: folder + "/old.xlsx"))
    }

    /// Bands that leave a gap: a check of the loader's own (not the XSD's).
    static let semanticError = """
        <?xml version="1.0" encoding="UTF-8"?>
        <instrument xmlns="urn:psyscreen:instrument:1" id="mini" version="1">
          <title xml:lang="zh-Hans">小问卷</title>
          <instructions xml:lang="zh-Hans">请回答。</instructions>
          <copyright>test</copyright>
          <citation>test</citation>
          <responses id="yn"><option value="0"><label xml:lang="zh-Hans">否</label></option><option value="1"><label xml:lang="zh-Hans">是</label></option></responses>
          <item id="1" responses="yn"><text xml:lang="zh-Hans">第一题</text></item>
          <item id="2" responses="yn"><text xml:lang="zh-Hans">第二题</text></item>
          <scale id="total" method="sum" items="1 2">
            <label xml:lang="zh-Hans">总分</label>
            <band id="low" min="0" max="0"><label xml:lang="zh-Hans">低</label></band>
            <band id="high" min="2" max="2"><label xml:lang="zh-Hans">高</label></band>
          </scale>
        </instrument>
        """

    /// Missing attributes and an unknown element: the XSD's (libxml2's) messages.
    static let schemaError = """
        <instrument xmlns="urn:psyscreen:instrument:1"><foo/></instrument>
        """
}
