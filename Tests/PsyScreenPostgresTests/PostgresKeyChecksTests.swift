import Foundation
import PostgresNIO
@testable import PsyScreenPostgres
import PsyScreenTestSupport
import XCTest

/// The attempt keys checked once per statement (``PostgresKeyChecks``) refuse what the foreign keys refused, for
/// every role, and lock parents as they did.
final class PostgresKeyChecksTests: XCTestCase {
    private var database: PostgresTestDatabase!
    private var owner: PostgresLink!

    override func setUpWithError() throws {
        // A1 has a paper attempt with a result and an answer; A2 and A3 have none.
        (database, owner) = try PostgresTestServer.makeSchoolDatabase(
            for: self,
            rows: PostgresTestServer.students("A1", "A2", "A3")
                + """
                INSERT INTO wave (id, created_at) VALUES ('w', now());
                INSERT INTO import (id, wave_id, file_hash, path, battery_id, imported_at, "user", records, stored)
                VALUES (5, 'w', 'abc', 'a.csv', 'annual', now(), 'owner', 1, 1);
                INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, import_id, level)
                VALUES (1, 'w', 'A1', 'annual', '1', 'paper', 'finished', now(), 5, 'red');
                SELECT setval('attempt_id_seq', 1);
                INSERT INTO answer (attempt_id, instrument_id, item_id, position, value) VALUES (1, 'phq9', '9', 8, 2);
                UPDATE attempt SET results = 'phq9\t1\tcomplete\titem9\t1\t\t3,3,3,3,3,3,3,3,2\ttotal,26,severe,9,9,complete';
                """)
    }

    private static let newAttempt =
        "INSERT INTO attempt (wave_id, student_id, battery_id, battery_version, source, state, started_at, import_id)"

    private func strings(_ link: PostgresLink, _ sql: String) throws -> [String] {
        try link.query(PostgresQuery(unsafeSQL: sql)).map { row throws(PostgresFailure) in try row.column(0, at: link.location) }
    }

    private func assertRefused(_ link: PostgresLink, _ sql: String, _ message: String, line: UInt = #line) {
        XCTAssertThrowsError(try link.query(PostgresQuery(unsafeSQL: sql)), sql, line: line) { error in
            let failure = error as? PostgresFailure
            XCTAssertEqual(failure?.message.english, message, sql, line: line)
            XCTAssertEqual(failure?.sqlState, "23503", sql, line: line)
        }
    }

    private func notPresent(_ table: String, _ constraint: String, _ column: String, _ key: String, _ parent: String) -> String {
        "insert or update on table \"\(table)\" violates foreign key constraint \"\(constraint)\" (Key (\(column))=(\(key)) is not present in table \"\(parent)\".)"
    }

    private func stillReferenced(
        _ table: String, _ constraint: String, _ child: String, _ column: String, _ key: String
    )
        -> String
    {
        "update or delete on table \"\(table)\" violates foreign key constraint \"\(constraint)\" on table \"\(child)\" (Key (\(column))=(\(key)) is still referenced from table \"\(child)\".)"
    }

    /// An attempt of a wave or an import that does not exist (a student of the school: row-level security lets
    /// a counselor's row through to the check).
    private func assertParentsRefused(_ link: PostgresLink, line: UInt = #line) {
        assertRefused(
            link, Self.newAttempt + " VALUES ('v', 'A2', 'annual', '1', 'paper', 'finished', now(), NULL)",
            notPresent("attempt", "attempt_wave_id_fkey", "wave_id", "v", "wave"), line: line)
        assertRefused(
            link, Self.newAttempt + " VALUES ('w', 'A2', 'annual', '1', 'paper', 'finished', now(), 6)",
            notPresent("attempt", "attempt_import_id_fkey", "import_id", "6", "import"), line: line)
    }

    func testTheOwnerCannotWriteAnOrphanOrRemoveAParentWithChildren() throws {
        assertRefused(
            owner, Self.newAttempt + " VALUES ('w', 'Z9', 'annual', '1', 'paper', 'finished', now(), NULL)",
            notPresent("attempt", "attempt_student_id_fkey", "student_id", "Z9", "student"))
        assertParentsRefused(owner)
        // Many rows in one statement (the parent scanned once), one of them an orphan: the statement stores none.
        assertRefused(
            owner,
            Self.newAttempt
                + " SELECT 'w', CASE WHEN i = 1500 THEN 'Z8' ELSE 'A' || (i % 3 + 1) END, 'annual', '1', 'paper', 'finished', now(), 5 FROM generate_series(1, 3000) i",
            notPresent("attempt", "attempt_student_id_fkey", "student_id", "Z8", "student"))
        assertRefused(
            owner, "UPDATE attempt SET student_id = 'Z9' WHERE id = 1",
            notPresent("attempt", "attempt_student_id_fkey", "student_id", "Z9", "student"))
        assertRefused(
            owner, "DELETE FROM student WHERE student_id IN ('A1', 'A2')",
            stillReferenced("student", "attempt_student_id_fkey", "attempt", "student_id", "A1"))
        assertRefused(
            owner, "UPDATE student SET student_id = 'A9' WHERE student_id = 'A1'",
            stillReferenced("student", "attempt_student_id_fkey", "attempt", "student_id", "A1"))
        assertRefused(
            owner, "DELETE FROM import", stillReferenced("import", "attempt_import_id_fkey", "attempt", "id", "5"))
        XCTAssertThrowsError(try owner.script("TRUNCATE import")) { error in
            XCTAssertEqual(
                (error as? PostgresFailure)?.message.english,
                "cannot truncate a table referenced in a foreign key constraint (Table \"attempt\" references \"import\".) (Truncate table \"attempt\" at the same time.)"
            )
        }
        XCTAssertEqual(try strings(owner, "SELECT count(*)::text FROM attempt"), ["1"])

        // What the keys allow still works: a key left as it was, a parent without children, many good rows at once.
        try owner.script("UPDATE attempt SET level = 'orange'; UPDATE student SET name = '王五五' WHERE student_id = 'A1'")
        try owner.script("DELETE FROM student WHERE student_id = 'A3'")
        try owner.script(
            Self.newAttempt
                + " SELECT 'w', 'A' || (i % 2 + 1), 'annual', '1', 'paper', 'finished', now(), 5 FROM generate_series(1, 3000) i")
        XCTAssertEqual(try strings(owner, "SELECT count(*)::text FROM attempt"), ["3001"])
        // The results are the attempt's own: they go with it.
        try owner.script("DELETE FROM answer; DELETE FROM attempt WHERE id = 1")
        XCTAssertEqual(try strings(owner, "SELECT count(*)::text FROM attempt WHERE results <> ''"), ["0"])
    }

    func testACounselorCannotWriteAnOrphanAndTheirDeleteTakesTheResults() throws {
        let login = try database.makeLogin("counselor")
        try PostgresSetup.grant(login.name, as: .counselor(school: "城东"), on: owner)
        let counselor = try PostgresLink.connect(PostgresTestServer.location(login.url))
        defer { counselor.close() }
        assertParentsRefused(counselor)
        assertRefused(
            counselor, "UPDATE student SET student_id = 'A9' WHERE student_id = 'A1'",
            stillReferenced("student", "attempt_student_id_fkey", "attempt", "student_id", "A1"))
        try counselor.script(Self.newAttempt + " VALUES ('w', 'A2', 'annual', '1', 'paper', 'finished', now(), 5)")
        try counselor.script("DELETE FROM attempt WHERE id = 1")
        XCTAssertEqual(try strings(owner, "SELECT student_id || ' ' || results FROM attempt"), ["A2 "])
    }

    /// As a foreign key does, an insert locks its parents: a delete of one waits for the insert's transaction and
    /// is then refused; an insert waits for a delete of its parent and is then refused.
    func testConcurrentDeletesOfAParentCannotSlipThrough() throws {
        let other = try database.superuser()
        defer { other.close() }
        try other.script("SET lock_timeout = '300ms'")
        try owner.script("BEGIN")
        try owner.script(Self.newAttempt + " VALUES ('w', 'A2', 'annual', '1', 'paper', 'finished', now(), 5)")
        for sql in ["DELETE FROM student WHERE student_id = 'A2'", "DELETE FROM wave", "DELETE FROM import"] {
            XCTAssertThrowsError(try other.script(sql), sql) { XCTAssertEqual(($0 as? PostgresFailure)?.sqlState, "55P03", sql) }
        }
        try owner.script("COMMIT")
        assertRefused(
            other, "DELETE FROM student WHERE student_id = 'A2'",
            stillReferenced("student", "attempt_student_id_fkey", "attempt", "student_id", "A2"))

        try owner.script("SET lock_timeout = '300ms'")
        try other.script("BEGIN")
        try other.script("DELETE FROM student WHERE student_id = 'A3'")
        XCTAssertThrowsError(
            try owner.script(Self.newAttempt + " VALUES ('w', 'A3', 'annual', '1', 'paper', 'finished', now(), 5)")
        ) { XCTAssertEqual(($0 as? PostgresFailure)?.sqlState, "55P03") }
        try other.script("COMMIT")
        assertRefused(
            owner, Self.newAttempt + " VALUES ('w', 'A3', 'annual', '1', 'paper', 'finished', now(), 5)",
            notPresent("attempt", "attempt_student_id_fkey", "student_id", "A3", "student"))
        XCTAssertEqual(try strings(owner, "SELECT student_id FROM attempt ORDER BY id"), ["A1", "A2"])
    }
}
