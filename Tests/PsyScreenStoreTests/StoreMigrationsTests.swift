import Foundation
import GRDB
import PsyScreen
@testable import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// A database made before v2 gets the compact answers of its results filled in from the answer rows; one made
/// before v4 gets the release tables, its waves open; one made before v5 keeps every scale score, now in its result.
final class StoreMigrationsTests: XCTestCase {
    func testVersion2FillsTheAnswersColumnFromTheAnswerRows() throws {
        let path = try olderDatabase(
            upTo: "v1",
            rows: """
                INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at)
                    VALUES ('S1', 'n', 'A', '2026', '1班', '女', 'enrolled', '2026-09-01');
                INSERT INTO wave (id, created_at) VALUES ('w', '2026-09-01');
                INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at)
                    VALUES (7, 'w', 'S1', 'annual', '1.0', 'terminal', 'in_progress', '2026-09-01');
                INSERT INTO instrument_result VALUES (7, 'phq9', '1.0', 0, 'unscored', '', 0, '');
                INSERT INTO instrument_result VALUES (7, 'gad7', '1.0', 1, 'unscored', '', 0, '');
                INSERT INTO answer (attempt_id, instrument_id, item_id, position, value) VALUES
                    (7, 'phq9', '1', 0, 2), (7, 'phq9', '2', 1, NULL), (7, 'phq9', '4', 3, 3), (7, 'gad7', '1', 0, 0);
                """)
        _ = try SQLiteStore(path: path, user: "counselor")
        let queue = try DatabaseQueue(path: path)
        let answers = try queue.read { db in
            try ResultColumn.entries(try String.fetchOne(db, sql: "SELECT results FROM attempt WHERE id = 7") ?? "")
                .map { "\($0.instrumentID)=\($0.answers)" }
        }
        // Item 2 skipped and item 3 never reached are both blank; positions stay in place.
        XCTAssertEqual(answers, ["phq9=2,,,3", "gad7=0"])
    }

    func testVersion4LeavesAWaveOfAVersion3DatabaseOpenUntilItIsClosed() throws {
        let path = try olderDatabase(
            upTo: "v3",
            rows: """
                INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at)
                    VALUES ('S1', 'n', 'A', '2026', '1班', '女', 'enrolled', '2026-09-01');
                INSERT INTO wave (id, created_at) VALUES ('w', '2026-09-01');
                """)
        let store = try SQLiteStore(path: path, user: "counselor")
        XCTAssertEqual(try store.releaseState(wave: "w"), .open)
        XCTAssertNil(try store.closedPattern(wave: "w", threshold: .standard))
        XCTAssertEqual(try store.closeWave("w", threshold: .standard).students, 1)
        XCTAssertEqual(try store.releaseState(wave: "w"), .closed)
    }

    func testAnOlderFileGetsTheRosterIndexThatListingsReadAlone() throws {
        let path = try olderDatabase(
            upTo: "v3",
            rows: """
                INSERT INTO student (student_id, name, school, grade, class, gender, status, dorm, updated_at)
                    VALUES ('S2', '乙', 'A', '2026', '1班', '女', 'enrolled', '3号楼', '2026-09-01'),
                           ('S1', '甲', 'A', '2026', '1班', '男', 'leave', NULL, '2026-09-01');
                """)
        // Opened for reading, as a listing command does: the file is upgraded first.
        let store = try SQLiteStore(path: path, access: .readOnly, user: "counselor")
        XCTAssertEqual(
            try store.screenings(wave: "w").map { [$0.student.studentID, $0.student.name, $0.student.dorm ?? "-"] },
            [["S1", "甲", "-"], ["S2", "乙", "3号楼"]])
        let queue = try DatabaseQueue(path: path)
        let (columns, plans) = try queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('student_roster_order') ORDER BY seqno"),
                try [false, true].map { details in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + RosterScan.sql(details: details), arguments: ["w"])
                        .map { $0["detail"] as String }
                }
            )
        }
        XCTAssertEqual(
            columns,
            ["school", "grade", "class", "student_id", "name", "gender", "status", "campus", "major", "birth_date", "dorm"])
        for plan in plans {
            XCTAssertTrue(plan.contains("SCAN s USING COVERING INDEX student_roster_order"), "\(plan)")
        }
    }

    func testVersion5MovesEveryScaleScoreIntoItsResultAndDropsTheTable() throws {
        let path = try olderDatabase(
            upTo: "v4",
            rows: """
                INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at)
                    VALUES ('S1', 'n', 'A', '2026', '1班', '女', 'enrolled', '2026-09-01');
                INSERT INTO wave (id, created_at) VALUES ('w', '2026-09-01');
                INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, level)
                    VALUES (7, 'w', 'S1', 'annual', '1.0', 'paper', 'finished', '2026-09-01', 'orange'),
                           (8, 'w', 'S1', 'annual', '1.0', 'terminal', 'in_progress', '2026-09-02', 'none');
                INSERT INTO instrument_result VALUES (7, 'phq9', '1.0', 0, 'prorated', 'item9', 1, '', '3,3,,3,3,3,3,3,1');
                INSERT INTO instrument_result VALUES (7, 'gad7', '1.0', 1, 'complete', '', 0, '', '1,1,1,1,1,1,1');
                INSERT INTO instrument_result VALUES (8, 'phq9', '1.0', 0, 'unscored', '', 0, '', '');
                """ + OlderScaleScores.rows)
        let store = try SQLiteStore(path: path, user: "counselor")
        let attempts = try store.read { db in try store.loadAttempts(db, ids: [7, 8]) }
        XCTAssertEqual(attempts[7]?.results.map(\.scales), OlderScaleScores.scales[7])
        XCTAssertEqual(attempts[8]?.results.map(\.scales), OlderScaleScores.scales[8])
        XCTAssertEqual(attempts[7]?.results.map(\.instrumentID), ["phq9", "gad7"])
        XCTAssertEqual(attempts[7]?.answers["phq9"], [3, 3, nil, 3, 3, 3, 3, 3, 1])
        let queue = try DatabaseQueue(path: path)
        let (texts, table) = try queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT results FROM attempt ORDER BY id").flatMap {
                    try ResultColumn.entries($0).map(\.scales)
                },
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'scale_score')")
            )
        }
        XCTAssertEqual(texts, OlderScaleScores.texts)
        XCTAssertEqual(table, false)
    }

    func testVersion6DropsTheStudentIndexAndHistoryStillFindsEveryWave() throws {
        let path = try olderDatabase(
            upTo: "v5",
            rows: """
                INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at)
                    VALUES ('S1', 'n', 'A', '2026', '1班', '女', 'enrolled', '2026-09-01'),
                           ('S2', 'm', 'A', '2026', '1班', '男', 'enrolled', '2026-09-01');
                INSERT INTO wave (id, created_at) VALUES ('2026-spring', '2026-03-01'), ('2026-autumn', '2026-09-01');
                INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at)
                    VALUES (3, '2026-autumn', 'S1', 'annual', '1.0', 'paper', 'finished', '2026-09-02'),
                           (4, '2026-spring', 'S2', 'annual', '1.0', 'paper', 'finished', '2026-03-02'),
                           (5, '2026-spring', 'S1', 'annual', '1.0', 'paper', 'finished', '2026-03-02');
                """)
        let store = try SQLiteStore(path: path, user: "counselor")
        XCTAssertEqual(try store.history(studentID: "S1")?.attempts.map(\.id), [3, 5])
        XCTAssertEqual(try store.history(studentID: "S1")?.attempts.map(\.wave), ["2026-autumn", "2026-spring"])
        let (index, plan) = try DatabaseQueue(path: path).read { db in
            (
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'attempt_student')"),
                try Row.fetchAll(
                    db,
                    sql:
                        "EXPLAIN QUERY PLAN SELECT a.* FROM attempt a WHERE a.wave_id IN (SELECT id FROM wave) AND a.student_id = 'S1'"
                ).map { $0["detail"] as String }
            )
        }
        XCTAssertEqual(index, false)
        // What history's filter reads: a search of the wave index per wave, never a scan of the attempts.
        XCTAssertTrue(
            plan.contains { $0.contains("SEARCH a USING INDEX attempt_wave_student (wave_id=? AND student_id=?)") }, "\(plan)")
    }

    func testVersion7MovesEveryResultIntoItsAttemptAndDropsTheTable() throws {
        let path = try olderDatabase(
            upTo: "v6",
            rows: """
                INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at)
                    VALUES ('S1', 'n', 'A', '2026', '1班', '女', 'enrolled', '2026-09-01');
                INSERT INTO wave (id, created_at) VALUES ('w', '2026-09-01');
                INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, level)
                    VALUES (7, 'w', 'S1', 'annual', '1.0', 'paper', 'finished', '2026-09-01', 'red'),
                           (8, 'w', 'S1', 'annual', '1.0', 'terminal', 'in_progress', '2026-09-02', 'none'),
                           (9, 'w', 'S1', 'annual', '1.0', 'terminal', 'refused', '2026-09-03', 'none');
                """ + OlderResults.rows(tab: "char(9)", newline: "char(10)", yes: "1", no: "0"))
        let store = try SQLiteStore(path: path, user: "counselor")
        let (texts, table) = try DatabaseQueue(path: path).read { db in
            (
                try Row.fetchAll(db, sql: "SELECT id, results FROM attempt ORDER BY id").map {
                    ($0[0] as Int64, $0[1] as String)
                },
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'instrument_result')")
            )
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: texts), OlderResults.texts)
        XCTAssertEqual(table, false)
        // The text ResultColumn writes for what it reads.
        for (_, text) in texts { XCTAssertEqual(ResultColumn.text(try ResultColumn.entries(text)), text) }
        let attempts = try store.read { db in try store.loadAttempts(db, ids: [7, 8, 9]) }
        XCTAssertEqual(attempts[7]?.results.map(\.instrumentID), ["phq9", "gad7"])
        XCTAssertEqual(attempts[7]?.results.map(\.scales), OlderScaleScores.scales[7])
        XCTAssertEqual(attempts[7]?.results.map(\.flags), [["item9", "x%y"], []])
        XCTAssertEqual(attempts[7]?.results.map(\.hasCrisis), [true, false])
        XCTAssertEqual(attempts[7]?.results.first?.validity, [.tooFast(seconds: 6.5, minimum: 32)])
        XCTAssertEqual(attempts[7]?.answers["phq9"], [3, 3, nil, 3, 3, 3, 3, 3, 1])
        XCTAssertEqual(attempts[8]?.results.map(\.instrumentID), ["odd\tid"])
        XCTAssertEqual(attempts[8]?.results.map(\.instrumentVersion), ["1\n2"])
        XCTAssertEqual(attempts[8]?.results.first?.validity, [.straightLining(scale: "a\tb")])
        XCTAssertEqual(attempts[9]?.results, [])
    }

    /// A wave closed before the closing stored its digest gets the digest of the fingerprints it kept, and compares
    /// as closed with it; an open wave without fingerprints gets none.
    func testAWaveClosedBeforeGetsTheDigestOfItsFingerprints() throws {
        let path = try olderDatabase(
            upTo: "v7",
            rows: """
                INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at)
                    VALUES ('S1', 'n', 'A', '2026', '1班', '女', 'enrolled', '2026-09-01'),
                           ('S2', 'm', 'A', '2026', '2班', '男', 'enrolled', '2026-09-01');
                INSERT INTO wave (id, created_at, closed_at) VALUES ('w', '2026-09-01', '2026-10-01'), ('w2', '2026-09-01', NULL);
                INSERT INTO wave_release (wave_id, student_id, fingerprint)
                    VALUES ('w', 'S1', 'enrolled|A|2026|1班|女||||||'), ('w', 'S2', 'enrolled|A|2026|2班|男||||||');
                """)
        let store = try SQLiteStore(path: path, user: "counselor")
        let (digests, expected) = try DatabaseQueue(path: path).read { db in
            (
                try Dictionary(
                    uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, release_digest FROM wave").map {
                        ($0[0] as String, $0[1] as String?)
                    }),
                try ReleaseScan.storedDigest(db, wave: "w").text
            )
        }
        XCTAssertEqual(digests, ["w": expected, "w2": nil])
        XCTAssertTrue(expected.hasPrefix("2-"), expected)
        XCTAssertEqual(try store.releaseState(wave: "w"), .closed)
        XCTAssertEqual(ReleaseDigest(text: expected)?.text, expected)
        for text in ["", "2", "2-", "-1-ff", "x-ff", "2-fffffffffffffffff", "2-ff-0"] {
            XCTAssertNil(ReleaseDigest(text: text), text)
        }
    }

    /// A database file migrated up to `version` holding `rows`, in a temporary folder removed when the test ends.
    private func olderDatabase(upTo version: String, rows: String) throws -> String {
        let directory = Fixtures.temporaryDirectory("migrations")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/\(version).sqlite"
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(queue, upTo: version)
        try queue.write { db in try db.execute(sql: rows) }
        return path
    }

    func testTheCompactTextReadsBackPositionByPosition() {
        var read: [String: [Int: Int]] = [:]
        for values in [[2, nil, nil, 3], [nil], [10, -1, 0], [], [-300, 1000, 2_147_483_647, -2_147_483_648]] as [[Int?]] {
            let text = AnswerColumn.text(values)
            var found: [Int: Int] = [:]
            Array(text.utf8).withUnsafeBufferPointer { buffer in
                AnswerScan.forEachValue(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: buffer.count) {
                    found[$0] = $1
                }
            }
            read[text] = found
        }
        XCTAssertEqual(
            read,
            [
                "2,,,3": [0: 2, 3: 3], "": [:], "10,-1,0": [0: 10, 1: -1, 2: 0],
                "-300,1000,2147483647,-2147483648": [0: -300, 1: 1000, 2: 2_147_483_647, 3: -2_147_483_648],
            ])
    }
}
