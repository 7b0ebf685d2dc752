import Foundation
import PsyScreenTestSupport
import XCTest

/// What a counselor sees on the terminal about a bad file: every problem line starts with `FILE:LINE`, values are
/// quoted short, no raw data row leaks through a broken header, and a flood of problems is cut after 100.
final class ProblemReportTests: ScoreTestCase {
    private func stderrLines(_ run: CLIRunner.Output) -> [String] { run.stderr.split(separator: "\n").map(String.init) }

    func testAfterAHundredProblemsTheTerminalSaysHowManyMoreThereAre() throws {
        let bad = (0..<150).map { "S\($0),9,0,0,0,0,0,0,0,0\n" }.joined()
        let input = try write("bad.csv", "student_id," + (1...9).map { "phq9_\($0)" }.joined(separator: ",") + "\n" + bad)
        let run = try cli.run(["score", "--instrument", "phq9", input, "-o", path("out.csv")])
        XCTAssertEqual(run.status, 1)
        let lines = stderrLines(run)
        XCTAssertEqual(lines.count, 102, run.stderr)
        XCTAssertEqual(lines[99], "\(input):101:2: error: column phq9_1: '9' is not one of the options (0, 1, 2, 3)")
        XCTAssertEqual(lines[100], "\(input): 50 more problems not shown; write them all with --errors FILE")
        for line in lines { XCTAssertTrue(line.hasPrefix(input + ":"), line) }
        let all = try cli.run(["score", "--instrument", "phq9", input, "-o", path("out.csv"), "--errors", path("errors.csv")])
        XCTAssertEqual(all.status, 1)
        XCTAssertEqual(try CSVRows.read(path("errors.csv")).count, 151)
    }

    func testAHugeCellIsQuotedShortOnTheTerminal() throws {
        let huge = String(repeating: "7", count: 10 << 20)
        let input = try write("huge.csv", "student_id,gad7_1,gad7_2,gad7_3,gad7_4,gad7_5,gad7_6,gad7_7\nS1,\(huge),0,0,0,0,0,0\n")
        let run = try cli.run(["score", "--instrument", "gad7", input, "-o", path("out.csv")])
        XCTAssertEqual(run.status, 1)
        XCTAssertLessThan(run.stderr.utf8.count, 1000, "not 10 MB of stderr")
        XCTAssertEqual(
            stderrLines(run).first,
            "\(input):2:2: error: column gad7_1: '\(String(repeating: "7", count: 60))…(10485760 bytes)' is not one of the options (0, 1, 2, 3)"
        )
    }

    func testAStrayQuoteInTheHeaderPrintsNoDataRow() throws {
        let header = "student_id,\"name," + Self.annualItems.joined(separator: ",")
        let input = try write(
            "quote.csv",
            header + "\nA20250001,张小明," + Array(repeating: "1", count: 16).joined(separator: ",") + "\nA20250002,\"李华\",0\n")
        for command in [
            ["score", "--battery", "annual", input, "-o", path("out.csv")],
            ["import", "--wave", "w", "--battery", "annual", input, "--db", path("db.sqlite")],
        ] {
            let run = try cli.run(command)
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertFalse(run.stderr.contains("A20250001") || run.stderr.contains("张小明"), run.stderr)
            XCTAssertTrue(run.stderr.hasPrefix("\(input):1:2: error: header column 2 opens a quote"), run.stderr)
        }
    }

    func testARosterIDWithANulIsRefusedNotCut() throws {
        let roster = try write(
            "roster.csv", Array("student_id,name,school,grade,class,gender,status\nB7\u{0}Z,张小明,一中,2026,1班,男,enrolled\n".utf8))
        let run = try cli.run(["roster", "import", roster, "--db", path("db.sqlite")])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(
            stderrLines(run),
            [
                "\(roster):2:1: error: column student_id: 'B7\\u{0}Z' contains the control character U+0000",
                "\(roster): error: the roster was not imported (1 problem)",
            ])
    }
}
