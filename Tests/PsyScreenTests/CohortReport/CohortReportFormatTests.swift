import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The five formats of one report: the tidy CSV, nested JSON, self-contained HTML with charts, md and table.
final class CohortReportFormatTests: XCTestCase {
    static let report = try! GeneratedWaveDisclosureTests.report()

    func testCSVIsATidyLongTable() throws {
        let lines = CohortReportCSV.render(Self.report).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "level,school,grade,class,group,instrument,scale,statistic,value")
        XCTAssertTrue(lines[1].hasPrefix("all,,,,,,,stamp:wave,2026-autumn"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("all,,,,,phq9,total,band:minimal,") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("school,第一职业中专,,,gender=男,,,level:red,") })
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 9, line)
            if fields[7].hasPrefix("band:") || fields[7].hasPrefix("level:") || fields[7] == "n" {
                XCTAssertTrue(fields[8] == "—" || Int(fields[8]) != nil, line)
            }
        }
        XCTAssertTrue(lines.contains { $0.contains("stamp:instrument:phq9,1.0 sha256:") })
    }

    /// A district's CSV is rendered in two halves at once and written one after the other: the same lines, in the
    /// same order, the header and stamp once.
    func testALargeCSVInTwoPartsIsTheWholeInOrder() throws {
        let small = Self.report
        let smallLines = CohortReportCSV.render(small).split(separator: "\n", omittingEmptySubsequences: false)
        let head =
            smallLines.prefix { !$0.hasPrefix("all,,,,,,,stamp:") } + smallLines.filter { $0.hasPrefix("all,,,,,,,stamp:") }
        let unitLines = Array(smallLines.dropFirst(head.count).dropLast())  // the last is the empty one after "\n"
        var large = small
        large.units = Array(repeating: small.units, count: 600 / small.units.count + 1).flatMap { $0 }
        let parts = CohortReportCSV.parts(large)
        XCTAssertEqual(parts.count, 2)
        XCTAssertEqual(CohortReportCSV.parts(small).count, 1)
        let lines = String(decoding: parts.flatMap { $0 }, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let repeats = large.units.count / small.units.count
        XCTAssertEqual(Array(lines), Array(head) + Array(repeating: unitLines, count: repeats).flatMap { $0 } + [""])
        XCTAssertEqual(try CohortReportFormat.csv.render(large, language: .english), parts.flatMap { $0 })
    }

    func testNamesTypedAsFormulasAreShownAsText() throws {
        XCTAssertEqual(CohortReportCSV.typedText("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")")
        XCTAssertEqual(CohortReportCSV.typedText("第一职业中专"), "第一职业中专")
        var report = Self.report
        report.units[1].unit.school = "=1+1"
        let csv = CohortReportCSV.render(report)
        XCTAssertTrue(csv.contains("\nschool,'=1+1,"))
        XCTAssertTrue(csv.contains(",alpha,-") || !csv.contains(",alpha,'-"), "computed numbers keep their sign")
    }

    func testJSONCarriesTheSameFiguresNested() throws {
        let text = CohortReportJSON.render(Self.report)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(json["format"] as? String, "psyscreen-cohort-report")
        let units = try XCTUnwrap(json["units"] as? [[String: Any]])
        XCTAssertEqual(units.count, Self.report.units.count)
        let first = units[0]
        XCTAssertEqual(first["level"] as? String, "all")
        let scales = try XCTUnwrap(first["scales"] as? [String: Any])
        let phq9 = try XCTUnwrap(scales["phq9.total"] as? [String: Any])
        XCTAssertEqual(phq9["n"] as? Int, Self.report.units[0].scales[0].n)
        let stamp = try XCTUnwrap(json["stamp"] as? [String: Any])
        XCTAssertEqual(stamp["min_cell"] as? Int, 10)
        XCTAssertEqual((stamp["instruments"] as? [[String: Any]])?.map { $0["id"] as? String }, ["phq9", "gad7"])
    }

    func testHTMLIsSelfContainedWithSVGCharts() throws {
        for language in Language.allCases {
            let html = CohortReportHTML.render(Self.report, language: language)
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
            XCTAssertGreaterThanOrEqual(html.components(separatedBy: "<svg").count - 1, 4, "coverage ×2, bands ×2, levels")
            for forbidden in ["http://", "https://", "<script", "<link", "src=", "url(", "@import"] {
                XCTAssertFalse(html.contains(forbidden), forbidden)
            }
            XCTAssertTrue(html.contains(language == .english ? "Coverage by class" : "各班普查率"))
        }
    }

    func testHumanFormatsUseTheMarkerAndTheStamp() throws {
        let table = CohortReportText.table(Self.report, language: .english)
        XCTAssertTrue(table.contains("minimum cell size k = 10"))
        XCTAssertTrue(table.contains(" — ") || table.contains("—\n"))
        let markdown = CohortReportText.markdown(Self.report, language: .chinese)
        XCTAssertTrue(markdown.hasPrefix("# 心理健康筛查统计报告"))
        XCTAssertTrue(markdown.contains("| 单位 | 在籍 | 已筛查 | 普查率 |"))
    }

    func testUnitsSortWithNumbersAsNumbers() {
        let names = ["2025级10班", "2025级2班", "2025级1班", "2024级3班"]
        let units = names.map { CohortUnit(level: .class, school: "S", grade: "G", className: $0) }.sorted()
        XCTAssertEqual(units.map(\.className), ["2024级3班", "2025级1班", "2025级2班", "2025级10班"])
        XCTAssertTrue(CohortUnit(level: .school, school: "S") < CohortUnit(level: .grade, school: "S", grade: "G"))
        XCTAssertTrue(CohortUnit.all < CohortUnit(level: .school, school: "A"))
    }

    func testScopeNarrowsTheUnits() throws {
        let scope = try CohortReportScope(parsing: "school,grade")
        XCTAssertEqual(scope.levels, [.all, .school, .grade])
        XCTAssertEqual(scope.groups, [])
        XCTAssertThrowsError(try CohortReportScope(parsing: "school,dorm"))
    }
}
