import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The published statistics of `report` on an instrument that is not shipped (negative and large option values,
/// reverse-keyed items, a mean scale), compared with a direct computation from the answers as keyed in.
final class ReportStatisticsTests: XCTestCase {
    var directory = ""
    var cli = CLIRunner()

    override func setUpWithError() throws {
        directory = Fixtures.temporaryDirectory("report-statistics")
        let instruments = try MoodFixture.instrumentsFolder(in: directory)
        cli = CLIRunner(currentDirectory: directory, environment: ["PSYSCREEN_INSTRUMENTS": instruments])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testReportStatisticsEqualADirectComputation() throws {
        let sheets = MoodFixture.sheets(40, seed: 11)
        XCTAssertTrue(
            sheets.contains { $0.contains { $0 < 0 } } && sheets.contains { $0.allSatisfy { $0 >= 0 } },
            "some students answer negatively, some do not")
        var roster = "student_id,name,school,grade,class,gender,status\n"
        var paper = "student_id," + (1...8).map { "mood_\($0)" }.joined(separator: ",") + "\n"
        for (index, sheet) in sheets.enumerated() {
            let id = String(format: "M%04d", index)
            roster += "\(id),Student \(index),Test School,2026,2026-1,\(index % 2 == 0 ? "F" : "M"),enrolled\n"
            paper += id + "," + sheet.map(String.init).joined(separator: ",") + "\n"
        }
        try roster.write(toFile: directory + "/roster.csv", atomically: true, encoding: .utf8)
        try paper.write(toFile: directory + "/paper.csv", atomically: true, encoding: .utf8)
        let db = ["--db", directory + "/school.sqlite"]
        for arguments in [
            ["roster", "import", "roster.csv"], ["import", "--wave", "w", "--instrument", "mood", "paper.csv"],
            ["wave", "close", "w"],
        ] {
            let output = try cli.run(arguments + db)
            XCTAssertEqual(output.status, 0, "\(arguments): \(output.stderr)")
        }
        let report = try cli.run(["report", "--wave", "w", "--format", "csv"] + db)
        XCTAssertEqual(report.status, 0, report.stderr)
        var published: [String: String] = [:]  // "scale statistic" of the whole wave
        for line in report.stdout.split(separator: "\n") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 9, fields[0] == "all", fields[5] == "mood" else { continue }
            published["\(fields[6]) \(fields[7])"] = fields[8]
        }

        // Directly: reverse-keyed items (2, 3, 5) count min + max − value = −value; the wide items as given.
        let keyed = sheets.map { sheet in sheet.enumerated().map { [1, 2, 4].contains($0.offset) ? -$0.element : $0.element } }
        let totals = keyed.map { Array($0.prefix(6)).reduce(0, +) }
        let averages = totals.map { Double(Int((Double($0) / 6 * 100 + 0.5 + 1e-9).rounded(.down))) / 100 }
        let points = keyed.map { $0[6] + $0[7] }
        func check(_ scale: String, _ scores: [Double], items: [[Int]], bands: [(String, ClosedRange<Double>)]) {
            let n = Double(scores.count)
            let mean = scores.reduce(0, +) / n
            let sd = (scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
            let alpha = CronbachAlpha(rows: items.map { $0.map(Double.init) })!.alpha
            XCTAssertEqual(published["\(scale) n"], "40", scale)
            XCTAssertEqual(Double(published["\(scale) mean"] ?? "") ?? .nan, mean, accuracy: 1e-9, scale)
            XCTAssertEqual(Double(published["\(scale) sd"] ?? "") ?? .nan, sd, accuracy: 1e-9, scale)
            XCTAssertEqual(Double(published["\(scale) alpha"] ?? "") ?? .nan, alpha, accuracy: 1e-9, scale)
            for (band, range) in bands {
                XCTAssertEqual(
                    published["\(scale) band:\(band)"], String(scores.filter { range.contains($0) }.count), "\(scale) \(band)")
            }
        }
        check(
            "total", totals.map(Double.init), items: keyed.map { Array($0.prefix(6)) },
            bands: [("low", -12...0), ("high", 1...12)])
        check("average", averages, items: keyed.map { Array($0.prefix(6)) }, bands: [("below", -2...0), ("above", 0.01...2)])
        check(
            "points", points.map(Double.init), items: keyed.map { Array($0.suffix(2)) },
            bands: [("few", -600...499), ("many", 500...2000)])
    }
}
