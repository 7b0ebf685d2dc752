import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// The database file itself: never created by a command that only reads, readable by a user who may only read
/// it, a damaged file stops every command, backups, a full disk.
final class DatabaseFileTests: XCTestCase {
    /// The commands that only read, with what they need besides `--db`.
    static func readCommands(output: String) -> [[String]] {
        [
            ["coverage", "--wave", "w"], ["unscreened", "--wave", "w"],
            ["results", "--wave", "w", "-o", output + "/results.csv"],
            ["warnings", "--wave", "w"], ["history", "A20250001"], ["report", "--wave", "w"],
            ["export", "--wave", "w", "-o", output + "/school.json"], ["audit"], ["db", "check"],
            ["db", "backup", output + "/backup.sqlite"],
            ["form", "--battery", "annual", "--wave", "w", "-o", output + "/forms.html"],
        ]
    }

    func testReadCommandsOnAMissingDatabaseCreateNothing() throws {
        let directory = Fixtures.temporaryDirectory("no-db")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/school.sqlite"
        let cli = CLIRunner(currentDirectory: directory, environment: ["PSYSCREEN_DB": database])
        for arguments in Self.readCommands(output: directory) {
            let run = try cli.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertEqual(
                run.stderr,
                "\(database): error: no database here: start one with `psyscreen roster import ROSTER.csv`, or name the school's database with --db PATH or PSYSCREEN_DB\n",
                "\(arguments)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [], "\(arguments)")
        }
    }

    func testReadCommandsWorkOnAFileTheUserMayOnlyRead() throws {
        let school = try SchoolFolder()
        defer {
            chmod(school.directory, 0o755)
            school.remove()
        }
        let output = Fixtures.temporaryDirectory("read-only-out")
        defer { try? FileManager.default.removeItem(atPath: output) }
        XCTAssertEqual(chmod(output, 0o777), 0)
        // As root, run as nobody (root may write anything); else take the write permission away.
        var cli = school.cli
        cli.asNobody = geteuid() == 0
        if cli.asNobody {
            // Root's file and folder, which nobody may read and not write.
            XCTAssertEqual(chmod(school.database, 0o644), 0)
            XCTAssertEqual(chmod(school.directory, 0o755), 0)
        } else {
            XCTAssertEqual(chmod(school.database, 0o444), 0)
            XCTAssertEqual(chmod(school.directory, 0o555), 0)
        }
        let mode = school.mode(school.database)
        let before = try FileManager.default.contentsOfDirectory(atPath: school.directory).sorted()
        let contents = FileManager.default.contents(atPath: school.database)
        for arguments in Self.readCommands(output: output) {
            let run = try cli.run(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            if arguments[0] == "results" || arguments[0] == "form" {
                XCTAssertTrue(
                    run.stderr.hasPrefix(
                        "warning: \(school.database) is read-only for this user: this export is not in the audit trail\n"),
                    run.stderr)
            }
        }
        XCTAssertEqual(school.mode(school.database), mode, "never changes the mode of a file it did not create")
        XCTAssertEqual(FileManager.default.contents(atPath: school.database), contents)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: school.directory).sorted(), before, "no -wal or -shm")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: output).sorted(),
            ["backup.sqlite", "forms.html", "results.csv", "school.json"])
        XCTAssertEqual(try SQLiteStore(path: output + "/backup.sqlite", access: .readOnly).integrityProblems(), [])
    }

    func testADamagedFileStopsEveryCommand() throws {
        let school = try SchoolFolder()
        defer { school.remove() }
        // 4 KiB of noise over the page in the middle of the file.
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: school.database))
        let start = bytes.count / 2 / 4096 * 4096
        var random = SplitMix64(seed: 10)
        for index in start..<(start + 4096) { bytes[index] = UInt8.random(in: 0...255, using: &random) }
        try bytes.write(to: URL(fileURLWithPath: school.database))
        let output = school.directory + "/out"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: false)
        let writes = [
            ["import", "--wave", "w2", "--battery", "annual", school.input],
            ["roster", "import", Fixtures.samplesDirectory + "/roster.csv"],
            ["follow-up", "A20250001", "--wave", "w", "--status", "contacted"],
        ]
        for arguments in Self.readCommands(output: output).filter({ $0 != ["db", "check"] }) + writes {
            let run = try school.cli.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertTrue(
                run.stderr.hasPrefix("\(school.database): error: the database file is damaged (SQLite: "),
                "\(arguments): \(run.stderr)")
            XCTAssertTrue(
                run.stderr.hasSuffix(
                    "this command stopped and changed nothing. Run `psyscreen db check`, then restore the latest backup (see the README: Backups)\n"
                ), run.stderr)
            XCTAssertEqual(FileManager.default.contents(atPath: school.database), bytes, "\(arguments)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output), [])
        let check = try school.cli.run(["db", "check"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(
            check.stderr.hasPrefix(
                "\(school.database): error: the database file is damaged; restore the latest backup (see the README: Backups). SQLite found:\n"
            ),
            check.stderr)
    }

    func testTheCheckOfASoundFile() throws {
        let school = try SchoolFolder()
        defer { school.remove() }
        let check = try school.expect(["db", "check"], status: 0)
        XCTAssertEqual(check.stdout, "\(school.database): ok (SQLite integrity_check)\n")
    }

    func testABackupWhileTerminalsWriteHoldsEveryAnswerCommittedBeforeIt() throws {
        let students = 12
        let school = try TakeFixture(students: students)
        defer { try? FileManager.default.removeItem(atPath: school.directory) }
        let sessions = try (1...students).map { _ in try school.start() }
        for (index, session) in sessions.enumerated() { session.type(TakeFixture.opening("S\(index + 1)")) }
        let backup = school.directory + "/backup.sqlite"
        var snapshot: [String: [String: [Int?]]] = [:]
        var backupRun: CLIRunner.Output?
        for round in 0..<16 {
            for session in sessions { session.type([String(round % 4)]) }
            if round == 8 {
                // Every session has saved at least its fifth answer: the question after it is on screen.
                for session in sessions { XCTAssertTrue(session.wait { session.stdout.contains("[6/16]") }, session.stdout) }
                let store = try SQLiteStore(path: school.database, access: .readOnly)
                for number in 1...students {
                    snapshot["S\(number)"] = try store.latestAttempt(wave: TakeFixture.wave, studentID: "S\(number)")?.answers
                }
                // The backup runs while the sessions go on answering.
                let group = DispatchGroup()
                group.enter()
                nonisolated(unsafe) var result: CLIRunner.Output?
                let cli = school.cli, database = school.database
                DispatchQueue.global().async {
                    result = try? cli.run(["db", "backup", "--db", database, backup])
                    group.leave()
                }
                for later in 9..<12 {
                    for session in sessions { session.type([String(later % 4)]) }
                    Thread.sleep(forTimeInterval: 0.01)
                }
                group.wait()
                backupRun = result
            }
        }
        for session in sessions {
            session.closeInput()
            XCTAssertEqual(session.finish(), 0)
        }
        let run = try XCTUnwrap(backupRun)
        XCTAssertEqual(run.status, 0, run.stderr)
        let copy = try SQLiteStore(path: backup, access: .readOnly)
        XCTAssertEqual(try copy.integrityProblems(), [])
        XCTAssertEqual(fileMode(backup), 0o600)
        for number in 1...students {
            let before = try XCTUnwrap(snapshot["S\(number)"])
            let saved = try XCTUnwrap(try copy.latestAttempt(wave: TakeFixture.wave, studentID: "S\(number)")?.answers)
            let phq9 = try XCTUnwrap(before["phq9"])
            XCTAssertGreaterThanOrEqual(phq9.count, 5)
            XCTAssertEqual(Array((saved["phq9"] ?? []).prefix(phq9.count)), phq9, "S\(number)")
        }
    }

    func testAFullDiskOnANewDatabaseLeavesNothingBehind() throws {
        try XCTSkipUnless(geteuid() == 0, "mounting a small file system needs root")
        let directory = Fixtures.temporaryDirectory("full-disk")
        let disk = directory + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
        defer {
            _ = try? Self.system(["/bin/umount", disk])
            try? FileManager.default.removeItem(atPath: directory)
        }
        try XCTSkipUnless(
            try Self.system(["/bin/mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk]) == 0, "cannot mount tmpfs here")
        let roster = directory + "/roster.csv"
        var text = "student_id,name,school,grade,class,gender,status\n"
        for number in 0..<20000 { text += "S\(number),学生\(number),一中,2026,\(number % 40)班,男,在籍\n" }
        try text.write(toFile: roster, atomically: true, encoding: .utf8)
        let run = try CLIRunner(currentDirectory: directory).run(["roster", "import", "--db", disk + "/school.sqlite", roster])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(
            run.stderr.hasPrefix("\(disk)/school.sqlite: error: the disk is full: nothing of this command was stored"), run.stderr
        )
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk), [], "no database, -wal or -shm left")
    }

    static func system(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
