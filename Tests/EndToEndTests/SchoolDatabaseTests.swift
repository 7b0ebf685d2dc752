import Foundation
import GRDB
import PsyScreenTestSupport
import XCTest

/// The school database workflow through the binary, on the shipped samples.
final class SchoolDatabaseTests: XCTestCase {
    var directory = ""
    var cli = CLIRunner()
    var db: String { directory + "/school.sqlite" }

    override func setUpWithError() throws {
        directory = Fixtures.temporaryDirectory("e2e-db")
        cli = CLIRunner(environment: ["PSYSCREEN_DB": directory + "/school.sqlite"])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    func importSamples() throws {
        let roster = try cli.run(["roster", "import", "samples/roster.csv"])
        XCTAssertEqual(roster.status, 0, roster.stderr)
        XCTAssertEqual(roster.stdout, "samples/roster.csv: 125 students (UTF-8); 125 added, 0 updated, 0 unchanged\n")
    }

    func testPaperImportReportsRejectsAndStrangersAndIsIdempotent() throws {
        try importSamples()
        let first = try cli.run(["import", "--wave", "2026-autumn", "--battery", "annual", "samples/paper-results.csv"])
        XCTAssertEqual(first.status, 1)
        let lines = first.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            Array(lines.prefix(6)),
            [
                "samples/paper-results.csv:7:13: error: column gad7_1: '4' is not one of the options (0, 1, 2, 3)",
                "samples/paper-results.csv:9:6: error: column phq9_3: '二' is not a number",
                "samples/paper-results.csv:9:12: error: column phq9_9: '1' raises the crisis flag phq9.item9 on this rejected record: check the paper form and see the student today",
                "samples/paper-results.csv:11: error: expected 19 fields, found 17",
                "samples/paper-results.csv:23:1: error: column student_id: 'A20250021' repeats the student_id of line 22",
                "samples/paper-results.csv:28:1: error: column student_id: 'Z20269999' is not on the roster: not stored",
            ])
        XCTAssertTrue(
            lines[6].hasPrefix("samples/paper-results.csv: 110 records (UTF-8); 105 stored in wave 2026-autumn"), lines[6])
        let again = try cli.run(["import", "--wave", "2026-autumn", "--battery", "annual", "samples/paper-results.csv"])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("already imported into wave 2026-autumn"), again.stdout)
        let gb = try cli.run(["import", "--wave", "2026-autumn", "--battery", "annual", "samples/paper-results-gb18030.csv"])
        XCTAssertEqual(gb.status, 0, gb.stderr)
        XCTAssertTrue(gb.stderr.contains("11 records (GB18030); 11 stored"), gb.stderr)
    }

    func testARepeatedSheetThatEndorsesItem9IsNotStoredButSaysSo() throws {
        try importSamples()
        let items = (1...9).map { "phq9_\($0)" } + (1...7).map { "gad7_\($0)" }
        let calm = Array(repeating: "0", count: 16).joined(separator: ",")
        let crisis = (Array(repeating: "0", count: 8) + ["2"] + Array(repeating: "0", count: 7)).joined(separator: ",")
        let file = directory + "/sheets.csv"
        try "student_id,\(items.joined(separator: ","))\nA20250001,\(calm)\nA20250001,\(crisis)\nZ99,\(crisis)\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try cli.run(["import", "--wave", "2026-autumn", "--battery", "annual", file])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.stderr.split(separator: "\n").map(String.init),
            [
                "\(file):3:1: error: column student_id: 'A20250001' repeats the student_id of line 2; this sheet raises a crisis flag: compare it with line 2 and see the student today",
                "\(file):4:1: error: column student_id: 'Z99' is not on the roster: not stored; this sheet raises a crisis flag: find the student and see them today",
                "\(file): 3 records (UTF-8); 1 stored in wave 2026-autumn (red 0, orange 0, yellow 0); 1 rejected; 1 not on the roster; 2 sheets not stored raise a crisis flag: check their paper forms today",
            ])
    }

    /// `score` and `import` read paper results with the same reader: a row of blanks and spaces is skipped by
    /// both, and a repeated ID with a crisis answer is the same one line in both.
    func testScoreAndImportAgreeOnBlankRowsAndRepeatedCrisisSheets() throws {
        try importSamples()
        let items = (1...9).map { "phq9_\($0)" } + (1...7).map { "gad7_\($0)" }
        let calm = Array(repeating: "0", count: 16).joined(separator: ",")
        let crisis = (Array(repeating: "0", count: 8) + ["2"] + Array(repeating: "0", count: 7)).joined(separator: ",")
        let blanks = Array(repeating: " ", count: 17).joined(separator: ",")
        let file = directory + "/agree.csv"
        try "student_id,\(items.joined(separator: ","))\nA20250001,\(calm)\n\(blanks)\nA20250002,\(calm)\n a20250001,\(crisis)\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let score = try cli.run(["score", "--battery", "annual", file, "-o", directory + "/scored.csv"])
        let stored = try cli.run(["import", "--wave", "2026-autumn", "--battery", "annual", file])
        XCTAssertEqual(score.status, 1, score.stderr)
        XCTAssertEqual(stored.status, 1, stored.stderr)
        let problem =
            "\(file):5:1: error: column student_id: 'A20250001' repeats the student_id of line 2; this sheet raises a crisis flag: compare it with line 2 and see the student today"
        for run in [score, stored] {
            let lines = run.stderr.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, problem)
            XCTAssertEqual(lines.count, 2, run.stderr)
            XCTAssertTrue(
                lines.last!.hasSuffix("; 1 blank record skipped") || lines.last!.contains("1 blank record skipped"), run.stderr)
            XCTAssertTrue(lines.last!.contains("3 records"), run.stderr)
        }
    }

    func testCoverageResultsAndWarningsFiles() throws {
        try importSamples()
        _ = try cli.run(["import", "--wave", "w", "--battery", "annual", "samples/paper-results.csv"])
        let coverage = try cli.run(["coverage", "--wave", "w", "--by", "class", "--format", "csv"])
        XCTAssertEqual(coverage.status, 0, coverage.stderr)
        let rows = coverage.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        XCTAssertEqual(
            rows[0],
            [
                "school", "grade", "class", "enrolled", "screened", "coverage_percent", "partial", "refused", "not_screened",
                "leave", "internship",
            ])
        XCTAssertEqual(rows.last?.first, "total")
        for row in rows.dropFirst() {
            let enrolled = Int(row[3])!, screened = Int(row[4])!
            XCTAssertLessThanOrEqual(screened, enrolled)
            XCTAssertEqual(Int(row[4])! + Int(row[6])! + Int(row[7])! + Int(row[8])!, enrolled, "\(row)")
        }

        let results = try cli.run(["results", "--wave", "w", "-o", directory + "/results.csv"])
        XCTAssertEqual(results.status, 0, results.stderr)
        let warnings = try cli.run(["warnings", "--wave", "w", "--level", "red", "--format", "csv", "-o", directory + "/red.csv"])
        XCTAssertEqual(warnings.status, 0, warnings.stderr)
        for file in ["results.csv", "red.csv", "school.sqlite"] {
            let mode = try FileManager.default.attributesOfItem(atPath: directory + "/" + file)[.posixPermissions] as? NSNumber
            XCTAssertEqual(mode?.intValue, 0o600, file)
        }
        let resultsText = try String(contentsOfFile: directory + "/results.csv", encoding: .utf8)
        XCTAssertFalse(resultsText.contains("Z20269999"), "no stranger in results")

        // The red register holds exactly the students whose stored sheet endorses item 9.
        let header = resultsText.split(separator: "\n").first!.split(separator: ",").map(String.init)
        let item9 = header.firstIndex(of: "phq9_9")!
        let red = try String(contentsOfFile: directory + "/red.csv", encoding: .utf8)
        let redIDs = Set(red.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
        let endorsed = Set(
            try CSVRows.read(directory + "/results.csv").dropFirst().filter { (Int($0[item9]) ?? 0) >= 1 }.map { $0[0] })
        XCTAssertFalse(redIDs.isEmpty)
        XCTAssertEqual(redIDs, endorsed)

        let audit = try cli.run(["audit"])
        XCTAssertTrue(audit.stdout.contains("export"), audit.stdout)
    }

    func testFollowUpAndHistory() throws {
        try importSamples()
        _ = try cli.run(["import", "--wave", "w", "--battery", "annual", "samples/paper-results.csv"])
        let step = try cli.run(["follow-up", "A20250004", "--wave", "w", "--status", "contacted", "--note", "班主任已谈话"])
        XCTAssertEqual(step.status, 0, step.stderr)
        let history = try cli.run(["history", "A20250004"])
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertTrue(history.stdout.contains("follow-up: contacted"), history.stdout)
        XCTAssertTrue(history.stdout.contains("Wave w"), history.stdout)
    }

    func testABadRosterIsRefusedWhole() throws {
        let path = directory + "/bad.csv"
        try "student_id,name,school,grade,class,gender,status\nA1,张三,一中,2026,1班,男,在籍\nA2,李四,一中,2026,1班,女,毕业\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let output = try cli.run(["roster", "import", path])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("\(path):3:7: error: column status: '毕业' is not a status"), output.stderr)
        XCTAssertTrue(output.stderr.contains("the roster was not imported"), output.stderr)
        // Refused before the database was opened: none was created, and a read command does not create one.
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
        let coverage = try cli.run(["coverage", "--wave", "w", "--format", "csv"])
        XCTAssertEqual(coverage.status, 2)
        XCTAssertEqual(
            coverage.stderr,
            "\(db): error: no database here: start one with `psyscreen roster import ROSTER.csv`, or name the school's database with --db PATH or PSYSCREEN_DB\n"
        )
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
    }

    func testKillingAnImportMidwayLeavesTheDatabaseAsItWas() throws {
        try importSamples()
        // The import is stopped (SIGSTOP) once its transaction has spilled pages into the write-ahead log, checked
        // to have committed nothing, then killed. A machine fast enough to finish first gets a bigger file.
        var rows = 20_000
        for attempt in 0..<4 {
            let roster = directory + "/big-roster-\(attempt).csv", path = directory + "/big-\(attempt).csv"
            var students = "student_id,name,school,grade,class,gender,status\n"
            var results =
                "student_id," + (1...9).map { "phq9_\($0)" }.joined(separator: ",") + ","
                + (1...7).map { "gad7_\($0)" }.joined(separator: ",") + "\n"
            for index in 0..<rows {
                students += "K\(attempt)-\(index),学生,大学校,2026,\(index % 40)班,女,在籍\n"
                results += "K\(attempt)-\(index),1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1\n"
            }
            try students.write(toFile: roster, atomically: true, encoding: .utf8)
            try results.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertEqual(try cli.run(["roster", "import", roster]).status, 0)
            let before = try cli.run(["coverage", "--wave", "w", "--format", "csv"]).stdout
            let process = try cli.start(["import", "--wave", "w", "--battery", "annual", path])
            while process.isRunning {
                let size = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? NSNumber)?.intValue ?? 0
                if size > 1 << 20 {
                    kill(process.processIdentifier, SIGSTOP)
                    break
                }
                Thread.sleep(forTimeInterval: 0.001)
            }
            let caughtMidway = try cli.run(["coverage", "--wave", "w", "--format", "csv"]).stdout == before
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            guard caughtMidway else {
                rows *= 2  // it committed before it was stopped: try again, bigger
                continue
            }
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            XCTAssertEqual(try cli.run(["coverage", "--wave", "w", "--format", "csv"]).stdout, before)
            XCTAssertFalse(try cli.run(["audit", "--format", "csv"]).stdout.contains("big-\(attempt).csv"))
            // The next import removes what the killed one staged, and the file imports whole.
            let again = try cli.run(["import", "--wave", "w", "--battery", "annual", path])
            XCTAssertEqual(again.status, 0, again.stderr)
            XCTAssertTrue(again.stderr.contains("\(rows) stored in wave w"), again.stderr)
            let stored = try DatabaseQueue(path: db).read { connection in
                try Int.fetchOne(connection, sql: "SELECT COUNT(*) FROM attempt WHERE student_id LIKE 'K\(attempt)-%'")
            }
            XCTAssertEqual(stored, rows)
            return
        }
        XCTFail("every import finished before it could be stopped")
    }
}
