import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// One rule for every command: `--lang`, else `PSYSCREEN_LANG`, else the locale, else English; the workflows'
/// words in Chinese under a Chinese locale; CSV and JSON keys the same in both languages.
final class LanguageChoiceTests: XCTestCase {
    var school = ""

    override func setUpWithError() throws {
        school = Fixtures.temporaryDirectory("e2e-lang")
        let files = FileManager.default
        try files.copyItem(atPath: Fixtures.samplesDirectory + "/paper-results.csv", toPath: school + "/paper.csv")
        try files.copyItem(atPath: Fixtures.samplesDirectory + "/roster.csv", toPath: school + "/roster.csv")
        let setup = runner(["LANG": "C"])
        XCTAssertEqual(try setup.run(["roster", "import", "roster.csv"]).status, 0)
        XCTAssertEqual(try setup.run(["import", "--wave", "w", "--battery", "annual", "paper.csv"]).status, 1)
        // Anonymized reports come from a closed wave.
        XCTAssertEqual(try setup.run(["wave", "close", "w"]).status, 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: school) }

    private func runner(_ environment: [String: String]) -> CLIRunner {
        var runner = CLIRunner(currentDirectory: school, environment: ["PSYSCREEN_DB": school + "/school.sqlite"])
        for (key, value) in environment { runner.environment[key] = value }
        return runner
    }

    func testTheRule() {
        func choose(_ explicit: Language?, _ environment: [String: String]) -> Language {
            LanguageChoice(explicit: explicit, environment: environment).language
        }
        XCTAssertEqual(choose(nil, [:]), .english)
        XCTAssertEqual(choose(nil, ["LANG": "C"]), .english)
        XCTAssertEqual(choose(nil, ["LANG": "C.UTF-8"]), .english)
        XCTAssertEqual(choose(nil, ["LANG": "zh_CN.UTF-8"]), .chinese)
        XCTAssertEqual(choose(nil, ["LANG": "zh_TW.UTF-8"]), .chinese)
        XCTAssertEqual(choose(nil, ["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]), .english)
        XCTAssertEqual(choose(nil, ["LANG": "en_US.UTF-8", "LC_MESSAGES": "C", "LC_ALL": "zh_CN.GB18030"]), .chinese)
        XCTAssertEqual(choose(nil, ["LANG": "zh_CN.UTF-8", "LC_ALL": ""]), .chinese, "an empty variable is unset")
        XCTAssertEqual(choose(nil, ["LANG": "C", "PSYSCREEN_LANG": "zh-Hans"]), .chinese)
        XCTAssertEqual(choose(nil, ["LC_ALL": "zh_CN.UTF-8", "PSYSCREEN_LANG": "en"]), .english)
        XCTAssertEqual(choose(.english, ["LC_ALL": "zh_CN.UTF-8", "PSYSCREEN_LANG": "zh"]), .english)
        XCTAssertEqual(choose(.chinese, ["LANG": "C", "PSYSCREEN_LANG": "en"]), .chinese)
        let ignored = LanguageChoice(explicit: nil, environment: ["PSYSCREEN_LANG": "fr", "LANG": "zh_CN.UTF-8"])
        XCTAssertEqual(ignored.language, .chinese)
        XCTAssertEqual(ignored.ignoredSetting, "fr")
        XCTAssertEqual(Language(tag: "zh-Hans"), .chinese)
        XCTAssertEqual(Language(tag: "ZH"), .chinese)
        XCTAssertEqual(Language(tag: "en-GB"), .english)
        XCTAssertNil(Language(tag: "zhx"))
        XCTAssertNil(Language(tag: "fr"))
    }

    func testTheWorkflowsSpeakChineseUnderAChineseLocale() throws {
        let zh = runner(["LANG": "zh_CN.UTF-8"])
        let score = try zh.run(["score", "--battery", "annual", "paper.csv", "-o", "scored.csv"])
        XCTAssertEqual(score.status, 1)
        XCTAssertTrue(score.stderr.hasPrefix("paper.csv:7:13: 错误：第 7 行 gad7_1 列：'4' 不是可选答案（0、1、2、3）\n"), score.stderr)
        XCTAssertTrue(
            score.stderr.contains(
                "paper.csv:9:12: 错误：第 9 行 phq9_9 列：'1' 这条未被采用的记录触发了危机标记 phq9.item9：请核对纸质问卷，今天就约见这名学生\n"),
            score.stderr)
        XCTAssertTrue(score.stderr.contains("paper.csv:11: 错误：第 11 行：应有 19 个字段，实际有 17 个\n"), score.stderr)
        XCTAssertTrue(
            score.stderr.hasSuffix("paper.csv：110 条记录（UTF-8）：已计分 105，未计分 1，拒收 4（学号重复 1；其中 1 份触发危机标记：请今天就核对纸质问卷）；触发标记 14 个\n"),
            score.stderr)
        let again = try zh.run(["import", "--wave", "w", "--battery", "annual", "paper.csv"])
        XCTAssertTrue(again.stdout.hasPrefix("paper.csv：已于 "), again.stdout)
        let coverage = try zh.run(["coverage", "--wave", "w"])
        XCTAssertTrue(coverage.stdout.hasPrefix("学校  "), coverage.stdout)
        XCTAssertTrue(coverage.stdout.contains("在籍  已筛查  普查率 %  未完成  拒绝参加  未筛查  休学  实习\n"), coverage.stdout)
        XCTAssertTrue(coverage.stdout.contains("\n合计  "), coverage.stdout)
        let register = try zh.run(["warnings", "--wave", "w", "--level", "red"])
        let rows = register.stdout.components(separatedBy: "\n")
        XCTAssertTrue(rows[0].hasPrefix("学号  "), rows[0])
        XCTAssertTrue(rows[0].contains("预警等级  原因"), rows[0])
        XCTAssertTrue(rows[2].contains("红色") && rows[2].contains("phq9 触发标记 item9") && rows[2].contains("待随访"), rows[2])
        XCTAssertTrue(register.stdout.contains("\n按班级、年级、学校汇总\n层级  学校"), register.stdout)
        let step = try zh.run(["follow-up", "B20250072", "--wave", "w", "--status", "referred"])
        XCTAssertTrue(step.stdout.hasPrefix("B20250072，筛查批次 w：已转介（"), step.stdout)
        let history = try zh.run(["history", "B20250072"])
        XCTAssertTrue(history.stdout.contains("\n筛查批次 w\n"), history.stdout)
        XCTAssertTrue(history.stdout.contains("纸质问卷，已完成  预警等级 红色（phq9 触发标记 item9）"), history.stdout)
        XCTAssertTrue(history.stdout.contains("随访：已转介"), history.stdout)
        let audit = try zh.run(["audit"])
        let imports = audit.stdout.components(separatedBy: "\n").filter { $0.contains("导入名单") }
        XCTAssertEqual(imports.count, 1, audit.stdout)
        XCTAssertTrue(imports.first?.hasSuffix("roster.csv：125 名学生，新增 125，更新 0（其中调班 0），未变 0") == true, audit.stdout)
        let unchanged = try zh.run(["wave", "close", "w"])
        XCTAssertEqual(unchanged.stdout, "筛查批次 w 已按 k = 10 关闭，此后没有变化：无需再次关闭（如需重新确定发布模式，请先重新打开）\n")
        XCTAssertEqual(try zh.run(["wave", "open", "w"]).stdout, "已重新打开筛查批次 w\n")
        let closing = try zh.run(["wave", "close", "w"])
        XCTAssertTrue(closing.stdout.hasPrefix("已关闭筛查批次 w：名单学生 125 名，自上次关闭以来变化 0 名"), closing.stdout)
        XCTAssertTrue(closing.stderr.hasPrefix("数据保护审核（k = 10，"), closing.stderr)
        let report = try zh.run(["report", "--wave", "w"])
        XCTAssertTrue(report.stdout.hasPrefix("心理健康筛查统计报告\n"), report.stdout)
    }

    func testTheCLocaleIsEnglishAndLangOverridesBoth() throws {
        for (environment, arguments, chinese) in [
            (["LANG": "C"], [String](), false),
            (["LANG": "C"], ["--lang", "zh-Hans"], true),
            (["LANG": "zh_CN.UTF-8"], ["--lang", "en"], false),
            (["LANG": "zh_CN.UTF-8", "PSYSCREEN_LANG": "en"], [], false),
            (["LANG": "C", "PSYSCREEN_LANG": "zh-Hans"], [], true),
            (["LC_ALL": "zh_CN.UTF-8", "LANG": "C"], [], true),
        ] {
            let cli = runner(environment)
            let coverage = try cli.run(["coverage", "--wave", "w"] + arguments)
            XCTAssertEqual(coverage.stdout.hasPrefix("学校  "), chinese, "\(environment) \(arguments): \(coverage.stdout)")
            XCTAssertEqual(coverage.stdout.hasPrefix("school  "), !chinese, "\(environment) \(arguments)")
            let missing = try cli.run(["history", "NOBODY"] + arguments)
            XCTAssertEqual(missing.stderr, chinese ? "错误：学生名单上没有学号 'NOBODY'\n" : "error: no student 'NOBODY' on the roster\n")
            // The report follows the same rule (it used to default to Chinese whatever the locale).
            let report = try cli.run(["report", "--wave", "w"] + arguments)
            XCTAssertEqual(report.stdout.hasPrefix("心理健康筛查统计报告"), chinese, "\(environment) \(arguments)")
        }
    }

    func testUsageErrorsStayArgumentParsersAfterAChineseLine() throws {
        for (environment, arguments) in [
            (["LANG": "zh_CN.UTF-8"], ["coverage"]), (["LANG": "C"], ["coverage", "--lang", "zh-Hans"]),
        ] {
            let run = try runner(environment).run(arguments)
            XCTAssertEqual(run.status, 2)
            XCTAssertTrue(
                run.stderr.hasPrefix(
                    CommandMessage.usageErrorFollows.chinese + "\nError: Missing expected argument '--wave <wave>'"),
                run.stderr)
        }
        let english = try runner(["LANG": "C"]).run(["coverage"])
        XCTAssertTrue(english.stderr.hasPrefix("Error: Missing expected argument '--wave <wave>'"), english.stderr)
    }

    func testMachineFormatsAreTheSameInBothLanguages() throws {
        let listings: [[String]] = [
            ["coverage", "--wave", "w", "--format", "csv"], ["coverage", "--wave", "w", "--by", "class", "--format", "json"],
            ["warnings", "--wave", "w", "--format", "csv"], ["warnings", "--wave", "w", "--format", "json"],
            ["unscreened", "--wave", "w", "--format", "csv"], ["unscreened", "--wave", "w", "--format", "json"],
            ["results", "--wave", "w", "-o", "-"], ["results", "--wave", "w", "--format", "json", "-o", "-"],
            ["audit", "--format", "json"], ["report", "--wave", "w", "--format", "csv"],
            ["report", "--wave", "w", "--format", "json"],
            ["template", "--battery", "annual"], ["score", "--battery", "annual", "paper.csv"],
        ]
        for arguments in listings {
            let english = try runner(["LANG": "C"]).run(arguments)
            let chinese = try runner(["LANG": "zh_CN.UTF-8"]).run(arguments)
            XCTAssertFalse(english.stdout.isEmpty, "\(arguments)")
            XCTAssertEqual(Self.keys(english.stdout), Self.keys(chinese.stdout), "\(arguments)")
            if arguments.contains("csv") || arguments.first == "template" || arguments.first == "score" {
                // Codes stay codes too: red, screened, contacted, paper.
                XCTAssertEqual(Self.withoutTimes(english.stdout), Self.withoutTimes(chinese.stdout), "\(arguments)")
            }
        }
        let errors = ["score", "--battery", "annual", "paper.csv", "-o", "out.csv", "--errors", "errors.csv"]
        _ = try runner(["LANG": "zh_CN.UTF-8"]).run(errors)
        let header = try String(contentsOfFile: school + "/errors.csv", encoding: .utf8).prefix { $0 != "\n" }
        XCTAssertEqual(header, "line,field,column,value,reason")
        // For a person, by choice: headings and values in the language.
        let human = try runner(["LANG": "zh_CN.UTF-8"]).run(["warnings", "--wave", "w", "--format", "csv", "--headers", "human"])
        XCTAssertTrue(human.stdout.hasPrefix("学号,姓名,学校,年级,班级,宿舍,预警等级,原因,随访状态,随访时间,来源,时间\n"), human.stdout)
        XCTAssertTrue(human.stdout.contains(",红色,phq9 触发标记 item9,待随访,"), human.stdout)
    }

    /// A CSV's header line, or the sorted keys of every JSON object.
    private static func keys(_ text: String) -> [String] {
        guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
            return [String(text.prefix { $0 != "\n" })]
        }
        var keys: Set<String> = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                keys.formUnion(object.keys)
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(json)
        return keys.sorted()
    }

    /// Timestamps differ between two runs; everything else must not.
    private static func withoutTimes(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "T", options: .regularExpression)
    }
}
