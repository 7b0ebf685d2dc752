import Foundation
import PsyScreenPostgres
import PsyScreenTestSupport
import XCTest

/// Lab terminals on one PostgreSQL server, logged in with the terminal role, while a counselor imports: nothing
/// is lost and nobody fails on a lock (bench/lab_postgres.sh does the same with 200 terminals).
final class PostgresLabTests: XCTestCase {
    func testTwentyTerminalsAndAnImportAtOnceLoseNothing() throws {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let folder = Fixtures.temporaryDirectory("lab")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let owner = CLIRunner(currentDirectory: folder, environment: ["PSYSCREEN_DB": database.url])
        // The sample roster with its paper results, and twenty lab students.
        let lab = (1...20).map { String(format: "L%03d", $0) }
        var roster = try String(contentsOfFile: Fixtures.samplesDirectory + "/roster.csv", encoding: .utf8)
        let header = roster.split(separator: "\n")[0].split(separator: ",").map(String.init)
        for id in lab {
            roster +=
                header.map {
                    [
                        "student_id": id, "name": "机房\(id)", "school": "实验中学", "grade": "2026", "class": "机房1班", "gender": "女",
                        "status": "enrolled",
                    ][$0] ?? ""
                }
                .joined(separator: ",") + "\n"
        }
        try roster.write(toFile: folder + "/roster.csv", atomically: true, encoding: .utf8)
        XCTAssertEqual(try owner.run(["db", "init", "--roles"]).status, 0)
        XCTAssertEqual(try owner.run(["roster", "import", "roster.csv"]).status, 0)
        let login = try database.makeLogin("lab")
        XCTAssertEqual(try owner.run(["db", "grant", login.name, "--terminal"]).status, 0)
        let terminalURL = PostgresTestServer.replacing(database.url, user: login.name)
        let terminal = CLIRunner(
            currentDirectory: folder, environment: ["PSYSCREEN_DB": terminalURL, "PGPASSWORD": login.password])

        let answers = (0..<16).map { String($0 % 3) }
        let importer = try owner.start([
            "import", "--wave", "w", "--battery", "annual", Fixtures.samplesDirectory + "/paper-results.csv",
        ])
        let sessions = try lab.map { id in
            try terminal.start(["take", "--battery", "annual", "--wave", "w", "--lang", "en"])
        }
        for (index, session) in sessions.enumerated() {
            let input = ([lab[index], "y", "y"] + answers).map { $0 + "\n" }.joined()
            try (session.standardInput as! Pipe).fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try (session.standardInput as! Pipe).fileHandleForWriting.close()
        }
        for (index, session) in sessions.enumerated() {
            let stderr = (session.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
            _ = (session.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
            session.waitUntilExit()
            XCTAssertEqual(session.terminationStatus, 0, "\(lab[index]): \(String(decoding: stderr, as: UTF8.self))")
        }
        try (importer.standardInput as! Pipe).fileHandleForWriting.close()
        _ = (importer.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
        _ = (importer.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        importer.waitUntilExit()
        XCTAssertEqual(importer.terminationStatus, 1, "the samples hold rejected sheets")

        // Every answer of every sitting, as typed; the import's sheets too.
        let results = try owner.run(["results", "--wave", "w", "-o", "-"])
        XCTAssertEqual(results.status, 0, results.stderr)
        let rows = results.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let columns = rows[0]
        let items = (1...9).map { "phq9_\($0)" } + (1...7).map { "gad7_\($0)" }
        for id in lab {
            let row = try XCTUnwrap(rows.first { $0.first == id }, id)
            XCTAssertEqual(items.map { row[columns.firstIndex(of: $0)!] }, answers, id)
            XCTAssertEqual(row[columns.firstIndex(of: "state")!], "finished", id)
        }
        XCTAssertEqual(rows.filter { $0[columns.firstIndex(of: "source")!] == "paper" }.count, 105)
    }

    /// A lock held elsewhere (a backup, an upgrade) longer than `take` waits: the student is told the answer is
    /// being saved, and it is stored once the lock is released, as on a SQLite file (TakeBusyTests).
    func testATerminalWaitsOutALockAndStoresTheAnswer() throws {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let folder = Fixtures.temporaryDirectory("lab")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let cli = CLIRunner(currentDirectory: folder, environment: ["PSYSCREEN_DB": database.url])
        XCTAssertEqual(try cli.run(["roster", "import", Fixtures.samplesDirectory + "/roster.csv"]).status, 0)
        let running = RunningTake(try cli.start(["take", "--battery", "annual", "--wave", "w", "--lang", "en"]))
        running.type(["A20250001", "y", "y"])
        XCTAssertTrue(running.wait { running.stdout.contains("[1/16]") }, running.stdout)
        let other = try database.superuser()
        try other.script("BEGIN; LOCK TABLE answer IN ACCESS EXCLUSIVE MODE")
        running.type(["2"])
        XCTAssertTrue(running.wait { running.stdout.contains("Saving, please wait") }, running.stdout)
        XCTAssertFalse(running.stdout.contains("[2/16]"))
        try other.script("ROLLBACK")
        XCTAssertTrue(running.wait { running.stdout.contains("[2/16]") }, running.stdout)
        running.type(["1"])
        XCTAssertTrue(running.wait { running.stdout.contains("[3/16]") }, running.stdout)
        running.closeInput()
        XCTAssertEqual(running.finish(), 0, running.stdout)
        let results = try cli.run(["results", "--wave", "w", "-o", "-"])
        let rows = results.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let row = try XCTUnwrap(rows.first { $0.first == "A20250001" }, results.stdout)
        XCTAssertEqual(["phq9_1", "phq9_2", "phq9_3"].map { row[rows[0].firstIndex(of: $0)!] }, ["2", "1", ""])
    }
}
