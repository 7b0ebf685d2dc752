import Foundation
import GRDB
import PsyScreen
@testable import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// An import is staged in short transactions and published at once: nothing of it is visible before, and what a
/// killed import staged is removed by the next one.
final class PaperImportStagingTests: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        _ = try store.importRoster((1...700).map { Self.student("S\($0)") }, source: "roster.csv")
    }

    /// Another process reading the file.
    private func reader() throws -> SQLiteStore { try SQLiteStore(path: directory + "/test.sqlite", access: .readOnly) }

    func testStagedSheetsStayInvisibleUntilPublished() throws {
        guard case .staging(let staging) = try store.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h")
        else { return XCTFail("a new file is staged") }
        for number in 1...600 {
            try staging.add(
                studentID: "S\(number)", line: number + 1,
                answers: [Array(repeating: 3, count: 9), Array(repeating: 3, count: 7)])
        }
        // Sheets are written as they come (by chunks, on the writer's thread): most of them reach the file before
        // the import is published.
        let file = try DatabaseQueue(path: directory + "/test.sqlite")
        var staged = 0
        for _ in 0..<3000 where staged < 512 {
            staged = try file.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attempt") } ?? 0
            if staged < 512 { Thread.sleep(forTimeInterval: 0.01) }
        }
        XCTAssertGreaterThanOrEqual(staged, 512)
        let before = try reader()
        XCTAssertEqual(try before.screenings(wave: "w").compactMap(\.attempt).count, 0)
        XCTAssertEqual(try before.register(wave: "w").count, 0)
        XCTAssertEqual(try before.coverage(wave: "w", by: .school).last?.screened, 0)
        XCTAssertEqual(try before.latestAttempt(wave: "w", studentID: "S1"), nil)
        // A report's batteries skip the import check only when no import is being staged.
        XCTAssertEqual(try before.batteries(inWave: "w").map(\.id), [])
        XCTAssertEqual(try before.auditTrail().filter { $0.action == "paper import" }.count, 0)

        let summary = try staging.publish()
        XCTAssertEqual(summary.stored, 600)
        XCTAssertEqual(summary.levels[.red], 600)
        let after = try reader()
        XCTAssertEqual(try after.screenings(wave: "w").compactMap(\.attempt).count, 600)
        XCTAssertEqual(try after.register(wave: "w").count, 600)
        XCTAssertEqual(try after.batteries(inWave: "w").map { "\($0.id) \($0.version)" }, ["annual \(annual.version)"])
        XCTAssertEqual(try after.latestAttempt(wave: "w", studentID: "S1")?.answers["gad7"], Array(repeating: 3, count: 7))
    }

    func testImportedRowsKeepEveryForeignKey() throws {
        _ = try store.importPaper(
            wave: "w", battery: annual, path: "a.csv", fileHash: "h", sheets: (1...30).map { Self.sheet("S\($0)", line: $0 + 1) })
        let problems = try DatabaseQueue(path: directory + "/test.sqlite").read { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        }
        XCTAssertEqual(problems.count, 0)
        let results = try DatabaseQueue(path: directory + "/test.sqlite").read { db in
            try String.fetchAll(db, sql: "SELECT results FROM attempt").map { try ResultColumn.entries($0) }
        }
        XCTAssertEqual(results.count, 30)
        XCTAssertEqual(results.map { $0.map(\.instrumentID) }, Array(repeating: ["phq9", "gad7"], count: 30))
        XCTAssertEqual(results.joined().filter { !$0.scales.isEmpty }.count, 60)
    }

    func testWhatAKilledImportStagedIsRemovedByTheNextAndNeverSeen() throws {
        // A staging import whose process is gone (same machine, a process id that is not running).
        let host = ImportHolder.current.split(separator: " ")[0]
        try DatabaseQueue(path: directory + "/test.sqlite").write { db in
            try db.execute(
                sql: """
                    INSERT INTO wave (id, created_at) VALUES ('w', '2026-09-01 00:00:00.000');
                    INSERT INTO import (id, wave_id, file_hash, path, battery_id, imported_at, user, records, stored, state, holder, alive_at)
                        VALUES (77, 'w', 'h', 'a.csv', 'annual', '2026-09-01 00:00:00.000', 'teacher', 0, 0, 'staging', '\(host) 2147483000 1', '2026-09-01 00:00:00.000');
                    INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, finished_at, import_id, level, scored, results)
                        VALUES (500, 'w', 'S1', 'annual', '1.0', 'paper', 'finished', '2026-09-01', '2026-09-01', 77, 'red', 1,
                                'phq9\t1.0\tcomplete\titem9\t1\t\t3,3,3,3,3,3,3,3,3\ttotal,27,severe,9,9,complete');
                    """)
        }
        XCTAssertEqual(try reader().register(wave: "w").count, 0)
        XCTAssertEqual(try reader().screenings(wave: "w").compactMap(\.attempt).count, 0)
        // The same file again: the dead import is removed first, so it is not "already imported" nor "being imported".
        let summary = try store.importPaper(wave: "w", battery: annual, path: "a.csv", fileHash: "h", sheets: [Self.sheet("S2")])
        XCTAssertNil(summary.alreadyImportedAt)
        XCTAssertEqual(summary.stored, 1)
        let left = try DatabaseQueue(path: directory + "/test.sqlite").read { db in
            try [
                "SELECT COUNT(*) FROM attempt WHERE id = 500", "SELECT COUNT(*) FROM import WHERE id = 77",
            ].map { try Int.fetchOne(db, sql: $0) ?? -1 }
        }
        XCTAssertEqual(left, [0, 0])
        XCTAssertEqual(try reader().screenings(wave: "w").compactMap(\.attempt).map(\.studentID), ["S2"])
    }

    func testAFileBeingImportedByARunningProcessIsNotImportedTwice() throws {
        guard case .staging(let first) = try store.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h")
        else { return XCTFail("a new file is staged") }
        let other = try SQLiteStore(path: directory + "/test.sqlite")
        XCTAssertThrowsError(try other.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h")) { error in
            XCTAssertTrue("\(error)".contains("is being imported into wave w by another psyscreen"), "\(error)")
        }
        XCTAssertEqual(try first.publish().stored, 0)
    }

    func testAnAbandonedImportLeavesNothing() throws {
        do {
            guard
                case .staging(let staging) = try store.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h")
            else { return XCTFail("a new file is staged") }
            for number in 1...600 {
                try staging.add(
                    studentID: "S\(number)", line: number + 1,
                    answers: [Array(repeating: 0, count: 9), Array(repeating: 0, count: 7)])
            }
            // Dropped without publishing (an error in the file): the rows go with it.
        }
        let counts = try DatabaseQueue(path: directory + "/test.sqlite").read { db in
            try ["attempt", "answer", "import"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
            }
        }
        XCTAssertEqual(counts, [0, 0, 0])
    }
}
