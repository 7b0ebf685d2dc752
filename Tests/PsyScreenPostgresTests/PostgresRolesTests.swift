import Foundation
import PostgresNIO
@testable import PsyScreenPostgres
import PsyScreenTestSupport
import XCTest

/// Each role, connected as a login of its own, may do what it is for and nothing else; PostgreSQL refuses the
/// rest with a message that names the role.
final class PostgresRolesTests: XCTestCase {
    private var database: PostgresTestDatabase!
    private var owner: PostgresLink!

    override func setUpWithError() throws {
        // Two schools: 城东 (A1 red on paper, A2 not screened, A3 half-way at a terminal) and 城西 (B1 orange).
        (database, owner) = try PostgresTestServer.makeSchoolDatabase(
            for: self,
            rows: PostgresTestServer.students("A1", "A2", "A3", "B1")
                + """
                INSERT INTO wave (id, created_at) VALUES ('w', now());
                INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, level, reasons, scored)
                VALUES (1, 'w', 'A1', 'annual', '1', 'paper', 'finished', now(), 'red', 'crisis item', true),
                       (2, 'w', 'B1', 'annual', '1', 'paper', 'finished', now(), 'orange', 'severe', true),
                       (3, 'w', 'A3', 'annual', '1', 'terminal', 'in_progress', now(), 'none', '', false);
                SELECT setval('attempt_id_seq', 3);
                INSERT INTO answer (attempt_id, instrument_id, item_id, position, value) VALUES
                    (1, 'phq9', '9', 8, 2), (2, 'phq9', '9', 8, 0), (3, 'phq9', '1', 0, 1);
                UPDATE attempt SET results = 'phq9\t1\tcomplete\titem9\t1\t\t3,3,3,3,3,3,3,3,2\ttotal,26,severe,9,9,complete'
                WHERE id = 1;
                UPDATE attempt SET results = 'phq9\t1\tcomplete\t\t0\t\t3,3,3,3,3,3,3,0,0\ttotal,21,severe,9,9,complete'
                WHERE id = 2;
                INSERT INTO follow_up (wave_id, student_id, status, note, at, "user") VALUES ('w', 'B1', 'contacted', '电话', now(), 'li');
                INSERT INTO audit (at, "user", action, detail) VALUES (now(), 'owner', 'paper import', 'A1 B1');
                """)
    }

    private func login(_ grant: PostgresSetup.Grant?) throws -> PostgresLink {
        let login = try database.makeLogin("role")
        if let grant { try PostgresSetup.grant(login.name, as: grant, on: owner) }
        return try PostgresLink.connect(PostgresTestServer.location(login.url))
    }

    private func strings(_ link: PostgresLink, _ sql: String) throws -> [String] {
        try link.query(PostgresQuery(unsafeSQL: sql)).map { row throws(PostgresFailure) in try row.column(0, at: link.location) }
    }

    private func assertRefused(_ link: PostgresLink, _ sql: String, _ message: String, line: UInt = #line) {
        XCTAssertThrowsError(try link.query(PostgresQuery(unsafeSQL: sql)), sql, line: line) { error in
            let failure = error as? PostgresFailure
            XCTAssertEqual(failure?.message.english, message, sql, line: line)
        }
        // The refusal ends the statement, not the connection.
        XCTAssertEqual(try? strings(link, "SELECT 'ok'"), ["ok"], line: line)
    }

    func testTheTerminalSeesClassAndMaskedNameOnlyAndCannotReadAnyTable() throws {
        let terminal = try login(.terminal)
        let role = terminal.location.user
        for (table, column) in [
            ("student", "name"), ("answer", "value"), ("attempt", "level"), ("attempt", "results"), ("follow_up", "note"),
            ("audit", "detail"), ("counselor_school", "school"),
        ] {
            assertRefused(
                terminal, "SELECT \(column) FROM \(table)",
                "permission denied for table \(table): the database role '\(role)' may not do this")
        }
        assertRefused(
            terminal, "SELECT * FROM psyscreen_cohort('w')",
            "permission denied for function psyscreen_cohort: the database role '\(role)' may not do this")
        assertRefused(
            terminal, "INSERT INTO answer (attempt_id, instrument_id, item_id, position, value) VALUES (1, 'phq9', '1', 0, 3)",
            "permission denied for table answer: the database role '\(role)' may not do this")

        // A finished sitting: its state only (the terminal says "already done"), no answers, level or score.
        let finished = try terminal.query("SELECT * FROM psyscreen_terminal_lookup('A1', 'w')").map { $0.makeRandomAccess() }
        XCTAssertEqual(finished.count, 1)
        XCTAssertEqual(
            finished[0].map(\.columnName),
            [
                "student_id", "grade", "class", "masked_name", "status", "attempt_id", "source", "state", "battery_id",
                "battery_version", "started_at", "crisis_given", "answers",
            ])
        XCTAssertEqual(try finished[0]["masked_name"].decode(String.self), "张*丰")
        XCTAssertEqual(try finished[0]["class"].decode(String.self), "机电1班")
        XCTAssertEqual(try finished[0]["state"].decode(String.self), "finished")
        XCTAssertNil(try finished[0]["answers"].decode(String?.self))
        // An unfinished sitting at a terminal: its answers so far, to resume.
        let resumable = try terminal.query("SELECT answers::text FROM psyscreen_terminal_lookup('A3', 'w')")
        XCTAssertEqual(try resumable.first?.column(0, as: String.self, at: terminal.location), #"[["phq9", "1", 0, 1, null]]"#)
        XCTAssertEqual(try strings(terminal, "SELECT masked_name FROM psyscreen_terminal_lookup('B1', 'w')"), ["李*"])
        XCTAssertEqual(try strings(terminal, "SELECT masked_name FROM psyscreen_terminal_lookup('nobody', 'w')"), [])

        // Start, answer and finish a sitting.
        let started = try terminal.query("SELECT psyscreen_terminal_start('w', 'A2', 'annual', '1', true, 'lab', now())")
        let attempt = try XCTUnwrap(started.first).column(0, as: Int64.self, at: terminal.location)
        let outcome =
            #"{"level":"yellow","reasons":"moderate","scored":true,"validity":"","crisis":false,"results":[],"scales":[]}"#
        try terminal.query("SELECT psyscreen_terminal_save(\(attempt), 'phq9', '1', 0, 2, 3.5, now(), \(outcome)::jsonb)")
        try terminal.query("SELECT psyscreen_terminal_finish(\(attempt), now(), \(outcome)::jsonb, 'lab')")
        XCTAssertEqual(
            try strings(
                owner,
                "SELECT state || ' ' || level || ' ' || (SELECT count(*) FROM answer WHERE attempt_id = \(attempt)) FROM attempt WHERE id = \(attempt)"
            ),
            ["finished yellow 1"])
        // The audit trail names the terminal's login, whatever the client says.
        XCTAssertEqual(
            try strings(
                owner,
                "SELECT \"user\" || ' ' || action FROM audit WHERE detail LIKE '%\(attempt)%' OR detail LIKE '%\"A2\"%' ORDER BY id"
            ),
            ["\(role) terminal start", "\(role) terminal finish"])
        // Nobody else's attempt, and no finished one (its own included), can be written through the functions.
        for other in [1, 2, attempt] {
            XCTAssertThrowsError(
                try terminal.query("SELECT psyscreen_terminal_save(\(other), 'phq9', '9', 8, 0, 1.0, now(), \(outcome)::jsonb)")
            ) {
                XCTAssertEqual(
                    ($0 as? PostgresFailure)?.message.english,
                    "attempt \(other) is not a sitting in progress at a terminal: the database role '\(role)' may not do this")
            }
        }
        XCTAssertEqual(try strings(owner, "SELECT value::text FROM answer WHERE attempt_id = 2 AND item_id = '9'"), ["0"])
    }

    func testACounselorSeesOnlyTheirSchool() throws {
        let counselor = try login(.counselor(school: "城东"))
        let role = counselor.location.user
        XCTAssertEqual(try strings(counselor, "SELECT student_id FROM student ORDER BY student_id"), ["A1", "A2", "A3"])
        XCTAssertEqual(try strings(counselor, "SELECT name FROM student WHERE school = '城西'"), [])
        XCTAssertEqual(
            try strings(counselor, "SELECT student_id FROM attempt WHERE level <> 'none' ORDER BY id"), ["A1"], "the register")
        XCTAssertEqual(try strings(counselor, "SELECT attempt_id::text FROM answer ORDER BY attempt_id"), ["1", "3"])
        XCTAssertEqual(
            try strings(counselor, "SELECT results FROM attempt WHERE results <> ''"),
            ["phq9\t1\tcomplete\titem9\t1\t\t3,3,3,3,3,3,3,3,2\ttotal,26,severe,9,9,complete"])
        XCTAssertEqual(try strings(counselor, "SELECT student_id FROM follow_up"), [])
        XCTAssertEqual(try strings(counselor, "SELECT detail FROM audit"), [], "only their own lines of the trail")
        XCTAssertEqual(try strings(counselor, "SELECT school FROM psyscreen_cohort('w')"), ["城东", "城东", "城东"])
        // Writes stay in the school.
        try counselor.query(
            "INSERT INTO follow_up (wave_id, student_id, status, at, \"user\") VALUES ('w', 'A1', 'contacted', now(), 'os-user')")
        assertRefused(
            counselor,
            "INSERT INTO follow_up (wave_id, student_id, status, at, \"user\") VALUES ('w', 'B1', 'closed', now(), 'x')",
            "new row violates row-level security policy for table \"follow_up\": the database role '\(role)' may not do this")
        assertRefused(
            counselor,
            "INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at) VALUES ('B9', 'x', '城西', '1', '1', '女', 'enrolled', now())",
            "new row violates row-level security policy for table \"student\": the database role '\(role)' may not do this")
        XCTAssertEqual(try strings(counselor, "UPDATE student SET name = 'x' WHERE student_id = 'B1' RETURNING student_id"), [])
        XCTAssertEqual(try strings(owner, "SELECT name FROM student WHERE student_id = 'B1'"), ["李四"])
        try counselor.query(
            "INSERT INTO audit (at, \"user\", action, detail) VALUES (now(), 'someone-else', 'export', 'results')")
        XCTAssertEqual(try strings(counselor, "SELECT \"user\" || ' ' || action FROM audit"), ["\(role) export"])
        XCTAssertEqual(try strings(owner, "SELECT \"user\" FROM follow_up WHERE student_id = 'A1'"), [role])

        let other = try login(.counselor(school: "城西"))
        XCTAssertEqual(try strings(other, "SELECT student_id FROM student"), ["B1"])
        XCTAssertEqual(try strings(other, "SELECT student_id FROM follow_up"), ["B1"])
        XCTAssertEqual(try strings(other, "SELECT detail FROM audit"), [])
    }

    func testTheAdministratorCountsEverySchoolButReadsNoIdentifiedData() throws {
        let admin = try login(.admin)
        let role = admin.location.user
        for (table, column) in [
            ("student", "name"), ("student", "school"), ("attempt", "student_id"), ("answer", "value"), ("audit", "detail"),
        ] {
            assertRefused(
                admin, "SELECT \(column) FROM \(table)",
                "permission denied for table \(table): the database role '\(role)' may not do this")
        }
        XCTAssertEqual(try strings(admin, "SELECT id FROM wave"), ["w"])
        let rows = try admin.query("SELECT * FROM psyscreen_cohort('w')").map { $0.makeRandomAccess() }
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(
            rows[0].map(\.columnName),
            [
                "school", "grade", "class", "gender", "major", "status", "attempt_id", "state", "scored", "level", "red_id",
                "instruments", "answers", "scales",
            ],
            "no ID, name or date")
        XCTAssertEqual(
            try strings(admin, "SELECT school || ' ' || coalesce(level, '-') FROM psyscreen_cohort('w')"),
            ["城东 red", "城东 -", "城东 none", "城西 orange"])
        XCTAssertEqual(
            try strings(admin, "SELECT school || ' ' || coalesce(state, '-') FROM psyscreen_roster_states('w')"),
            ["城东 finished", "城东 -", "城东 in_progress", "城西 finished"])
        assertRefused(
            admin, "SELECT * FROM psyscreen_terminal_lookup('A1', 'w')",
            "permission denied for function psyscreen_terminal_lookup: the database role '\(role)' may not do this")
    }

    func testARoleWithoutAGrantMayDoNothing() throws {
        let stranger = try login(nil)
        let role = stranger.location.user
        assertRefused(
            stranger, "SELECT * FROM psyscreen_terminal_lookup('A1', 'w')",
            "permission denied for function psyscreen_terminal_lookup: the database role '\(role)' may not do this")
        assertRefused(
            stranger, "SELECT * FROM psyscreen_cohort('w')",
            "permission denied for function psyscreen_cohort: the database role '\(role)' may not do this")
        assertRefused(
            stranger, "SELECT name FROM student",
            "permission denied for table student: the database role '\(role)' may not do this")
    }

    func testGrantingNeedsAnExistingLogin() throws {
        XCTAssertThrowsError(try PostgresSetup.grant("nobody_here", as: .terminal, on: owner)) {
            XCTAssertEqual(
                ($0 as? PostgresFailure)?.message.english,
                "no role 'nobody_here' on this server: create the login first (createuser --pwprompt nobody_here)")
        }
    }
}
