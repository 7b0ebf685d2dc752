import Foundation
import GRDB
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// Releases over time: a closed wave, a late sheet, and a second closing that would show the few who changed.
final class WaveReleaseStoreTests: StoreTestCase {
    /// 60 students in two classes of 30; all but the last 20 of class 2 screened.
    private func seed() throws {
        let students = (0..<60).map { Self.student(String(format: "S%02d", $0), className: $0 < 30 ? "1班" : "2班") }
        _ = try store.importRoster(students, source: "roster.csv")
        let sheets = (0..<40).map { Self.sheet(String(format: "S%02d", $0), line: $0 + 2, phq9: [1, 1, 1, 1, 1, 0, 0, 0, 0]) }
        _ = try store.importPaper(wave: "w", battery: annual, path: "a.csv", fileHash: "a", sheets: sheets)
    }

    func testTheFirstClosingReleasesAndAnUnchangedWaveStaysClosed() throws {
        try seed()
        XCTAssertEqual(try store.releaseState(wave: "w"), .open)
        let closed = try store.closeWave("w", threshold: .standard)
        XCTAssertEqual(closed.changed, 0)
        XCTAssertEqual(try store.releaseState(wave: "w"), .closed)
        XCTAssertTrue(try store.auditTrail().contains { $0.action == "wave close" })
    }

    func testOneLateSheetCannotBeReleasedAgain() throws {
        try seed()
        _ = try store.closeWave("w", threshold: .standard)
        // One more paper sheet: its student is red (item 9) and would show as red 17 → 18.
        _ = try store.importPaper(
            wave: "w", battery: annual, path: "late.csv", fileHash: "late",
            sheets: [Self.sheet("S45", phq9: [3, 3, 2, 2, 2, 2, 2, 1, 1])])
        XCTAssertEqual(try store.releaseState(wave: "w"), .changedSinceClosing(students: 1))
        try store.openWave("w")
        XCTAssertThrowsError(try store.closeWave("w", threshold: .standard)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("1 student(s) changed"), message)
            XCTAssertTrue(message.contains("一中/2026/2班: 1 changed of 30"), message)
        }
        XCTAssertEqual(try store.releaseState(wave: "w"), .open, "refused: the wave stays open")
    }

    func testTwentyLateSheetsOfOneClassMayBeReleased() throws {
        try seed()
        _ = try store.closeWave("w", threshold: .standard)
        let late = (40..<60).map { Self.sheet(String(format: "S%02d", $0), line: $0, phq9: [2, 2, 2, 1, 1, 1, 0, 0, 0]) }
        _ = try store.importPaper(wave: "w", battery: annual, path: "late.csv", fileHash: "late", sheets: late)
        try store.openWave("w")
        let closed = try store.closeWave("w", threshold: .standard)
        XCTAssertEqual(closed.changed, 20)
        XCTAssertEqual(try store.releaseState(wave: "w"), .closed)
    }

    /// The fingerprints kept are in the documented format, which PostgreSQL writes too (`db copy` compares them):
    /// a screened student's latest attempt with its state, scored flag, level and red flag; empty fields for an
    /// unscreened one.
    func testTheReleaseKeepsFingerprintsInTheDocumentedFormat() throws {
        try seed()
        _ = try store.closeWave("w", threshold: .standard)
        let (prints, attempt) = try DatabaseQueue(path: directory + "/test.sqlite").read { db in
            (
                try Dictionary(
                    uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT student_id, fingerprint FROM wave_release").map {
                        ($0[0] as String, $0[1] as String)
                    }),
                try Int64.fetchOne(db, sql: "SELECT id FROM attempt WHERE student_id = 'S00'")!
            )
        }
        XCTAssertEqual(prints.count, 60)
        XCTAssertEqual(prints["S00"], "enrolled|一中|2026|1班|F||\(attempt)|finished|1|none|0")
        XCTAssertEqual(prints["S59"], "enrolled|一中|2026|2班|F||||||")
    }

    /// The closing stores the digest of the fingerprints it kept beside its wave, and a release compares with it
    /// alone; a wave without one (as `db copy` leaves it) compares with the fingerprints.
    func testTheClosingStoresItsDigestAndAWaveWithoutOneComparesWithTheFingerprints() throws {
        try seed()
        _ = try store.closeWave("w", threshold: .standard)
        let database = try DatabaseQueue(path: directory + "/test.sqlite")
        let digest = try database.read { db in try String.fetchOne(db, sql: "SELECT release_digest FROM wave WHERE id = 'w'") }
        XCTAssertEqual(digest?.hasPrefix("60-"), true, digest ?? "none")
        try database.write { db in try db.execute(sql: "UPDATE wave SET release_digest = NULL") }
        XCTAssertEqual(try store.releaseState(wave: "w"), .closed)
        _ = try store.importRoster([Self.student("S00", className: "2班")], source: "moved.csv")
        XCTAssertEqual(try store.releaseState(wave: "w"), .changedSinceClosing(students: 1))
        // With the digest back, the fingerprints are not read: without them the wave still compares.
        try database.write { db in
            try db.execute(sql: "UPDATE wave SET release_digest = ?", arguments: [digest])
            try db.execute(sql: "DELETE FROM wave_release")
        }
        _ = try store.importRoster([Self.student("S00", className: "1班")], source: "back.csv")
        XCTAssertEqual(try store.releaseState(wave: "w"), .closed)
    }

    /// A student moved to another class after the closing has changed: their units are in the fingerprint.
    func testAStudentMovedSinceTheClosingHasChanged() throws {
        try seed()
        _ = try store.closeWave("w", threshold: .standard)
        _ = try store.importRoster([Self.student("S00", className: "2班")], source: "moved.csv")
        XCTAssertEqual(try store.releaseState(wave: "w"), .changedSinceClosing(students: 1))
    }
}
