import Foundation
import GRDB
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// `report` and `export` check the tables an anonymized release reads (``IntegrityScope/release``); every other
/// command checks the whole file (``DatabaseFileTests``).
final class IntegrityScopeTests: XCTestCase {
    static let damagedPrefix = ": error: the database file is damaged (SQLite: "

    func testAReleaseIsNotStoppedByDamageInTablesItNeverReads() throws {
        let school = try SchoolFolder()
        defer { school.remove() }
        let before = try school.expect(["report", "--wave", "w", "--format", "csv"], status: 0).stdout
        try Self.damage(tables: ["answer", "follow_up", "audit"], in: school.database)
        // The same figures: nothing a release shows comes from those tables.
        let after = try school.expect(["report", "--wave", "w", "--format", "csv"], status: 0).stdout
        XCTAssertEqual(Self.withoutTimes(after), Self.withoutTimes(before))
        try school.expect(["export", "--wave", "w", "-o", school.directory + "/again.json"], status: 0)
        // The damage is real: a command that reads the answers stops on it, and so does one that checks everything.
        for arguments in [["results", "--wave", "w", "-o", school.directory + "/results.csv"], ["coverage", "--wave", "w"]] {
            let run = try school.cli.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertTrue(run.stderr.hasPrefix(school.database + Self.damagedPrefix), "\(arguments): \(run.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: school.directory + "/results.csv"))
    }

    func testAReleaseStopsOnDamageInEveryTableItReads() throws {
        for table in ["student", "attempt", "wave"] {
            let school = try SchoolFolder()
            defer { school.remove() }
            try Self.damage(tables: [table], in: school.database)
            try Self.assertReleasesStop(school, table)
        }
    }

    /// `report` and `export` stop with the damage message and write nothing.
    static func assertReleasesStop(_ school: SchoolFolder, _ label: String, line: UInt = #line) throws {
        let output = school.directory + "/out.json"
        for arguments in [["report", "--wave", "w"], ["export", "--wave", "w", "-o", output]] {
            let run = try school.cli.run(arguments)
            XCTAssertEqual(run.status, 2, "\(label): \(arguments)", line: line)
            XCTAssertTrue(
                run.stderr.hasPrefix(school.database + Self.damagedPrefix), "\(label): \(arguments): \(run.stderr)", line: line)
            XCTAssertEqual(run.stdout, "", "\(label): \(arguments)", line: line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output), label, line: line)
    }

    /// The fingerprints a closing kept are read only by a release of a wave without the digest of its closing (a
    /// wave copied from another store) or changed since: checked first then, and left to other commands otherwise.
    func testTheFingerprintsAreCheckedWhenAReleaseReadsThem() throws {
        let school = try SchoolFolder()
        defer { school.remove() }
        let before = try school.expect(["report", "--wave", "w", "--format", "csv"], status: 0).stdout
        try Self.damage(tables: ["wave_release"], in: school.database)
        let after = try school.expect(["report", "--wave", "w", "--format", "csv"], status: 0).stdout
        XCTAssertEqual(Self.withoutTimes(after), Self.withoutTimes(before))
        try DatabaseQueue(path: school.database).write { db in try db.execute(sql: "UPDATE wave SET release_digest = NULL") }
        try Self.assertReleasesStop(school, "wave_release, no digest")
    }

    /// A release's check leaves `CHECK` constraints to its scans: a value no release reads (an attempt's source) does
    /// not stop it, and the whole file's check finds it.
    func testAReleaseLeavesCheckConstraintsToItsScans() throws {
        let school = try SchoolFolder()
        defer { school.remove() }
        let before = try school.expect(["report", "--wave", "w", "--format", "csv"], status: 0).stdout
        try DatabaseQueue(path: school.database).write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE attempt SET source = 'fax' WHERE id = (SELECT min(id) FROM attempt)")
        }
        let after = try school.expect(["report", "--wave", "w", "--format", "csv"], status: 0).stdout
        XCTAssertEqual(Self.withoutTimes(after), Self.withoutTimes(before))
        let coverage = try school.cli.run(["coverage", "--wave", "w"])
        XCTAssertEqual(coverage.status, 2)
        XCTAssertTrue(
            coverage.stderr.hasPrefix(school.database + Self.damagedPrefix + "CHECK constraint failed in attempt)"),
            coverage.stderr)
    }

    /// Overwrites every page of `tables` (and their indexes) with noise, as a failing disk would.
    static func damage(tables: [String], in database: String) throws {
        let (pages, pageSize) = try DatabaseQueue(path: database).read { db in
            (
                try Int.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT pageno FROM dbstat WHERE name IN (
                            SELECT name FROM sqlite_master WHERE tbl_name IN (\(tables.map { "'\($0)'" }.joined(separator: ",")))
                        )
                        """),
                try Int.fetchOne(db, sql: "PRAGMA page_size")!
            )
        }
        XCTAssertFalse(pages.isEmpty)
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: database))
        var random = SplitMix64(seed: 13)
        for page in pages {
            let start = (page - 1) * pageSize
            for index in start..<(start + pageSize) { bytes[index] = UInt8.random(in: 0...255, using: &random) }
        }
        try bytes.write(to: URL(fileURLWithPath: database))
    }

    /// A report without its generation time.
    static func withoutTimes(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "TIME", options: .regularExpression)
    }
}
