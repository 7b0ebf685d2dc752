import Foundation
import PostgresNIO
import PsyScreen
@testable import PsyScreenPostgres
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// The schema is created once, upgraded in place, and a database from a newer psyscreen is refused.
final class PostgresMigrationsTests: XCTestCase {
    func testInitCreatesTheSchemaOnceAndAgainChangesNothing() throws {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let link = try database.superuser()
        XCTAssertEqual(try PostgresMigrations.state(link), .empty)
        XCTAssertThrowsError(try PostgresMigrations.requireCurrent(link)) { error in
            XCTAssertTrue(
                "\(error)".contains("no psyscreen database here: create its tables with `psyscreen db init --db postgresql://"),
                "\(error)")
        }
        XCTAssertEqual(try PostgresSetup.initialize(link, roles: false), PostgresMigrations.identifiers)
        XCTAssertEqual(try PostgresMigrations.state(link), .current)
        XCTAssertEqual(try PostgresSetup.initialize(link, roles: true), [])
        XCTAssertEqual(try PostgresSetup.initialize(link, roles: true), [], "roles set up twice")
        XCTAssertNoThrow(try PostgresMigrations.requireCurrent(link))
        var tables: [String] = []
        for row in try link.query("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
        {
            tables.append(try row.column(0, at: link.location))
        }
        XCTAssertEqual(
            tables,
            [
                "answer", "attempt", "audit", "counselor_school", "follow_up", "import", "psyscreen_migration", "student", "wave",
                "wave_pattern", "wave_release",
            ])
    }

    func testTwoProgramsInitializingAtOnceBothSucceed() throws {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let links = try (0..<2).map { _ in try database.superuser() }
        let results = UncheckedResults(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            results.set(index, Result { try PostgresMigrations.migrate(links[index]) })
        }
        let applied = try results.values.map { try $0!.get() }
        XCTAssertEqual(applied.sorted { $0.count > $1.count }, [PostgresMigrations.identifiers, []])
    }

    func testADatabaseFromANewerPsyscreenIsRefused() throws {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let link = try database.superuser()
        try PostgresMigrations.migrate(link)
        try link.query("INSERT INTO psyscreen_migration (id) VALUES ('v99')")
        let expected = "the database was written by a newer psyscreen (it has migrations v99); use that version"
        XCTAssertThrowsError(try PostgresMigrations.migrate(link)) {
            XCTAssertEqual(($0 as? PostgresFailure)?.message.english, expected)
        }
        XCTAssertThrowsError(try PostgresMigrations.requireCurrent(link)) {
            XCTAssertEqual(($0 as? PostgresFailure)?.message.english, expected)
        }
        try link.query("DELETE FROM psyscreen_migration WHERE id IN ('v99', 'pg-functions-1')")
        XCTAssertThrowsError(try PostgresMigrations.requireCurrent(link)) {
            XCTAssertEqual(
                ($0 as? PostgresFailure)?.message.english,
                "the database was made by an older psyscreen: run `psyscreen db init` as the database's owner to upgrade it")
        }
    }

    func testVersion5MovesEveryScaleScoreIntoItsResultAndKeepsTheRolesReports() throws {
        let (database, link, schema) = try olderDatabase(before: "v5")
        // With the previous version's roles and grants.
        for role in PostgresRoles.names { try link.script(PostgresRoles.create(role)) }
        try link.script(
            PostgresRoles.grants(schema: schema) + "GRANT SELECT, INSERT, UPDATE, DELETE ON scale_score TO psyscreen_counselor;")
        try link.script(
            """
            INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at) VALUES
                ('A1', '张三丰', '城东', '2026', '机电1班', '男', 'enrolled', now());
            INSERT INTO wave (id, created_at) VALUES ('w', now());
            INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, level, scored)
            VALUES (7, 'w', 'A1', 'annual', '1.0', 'paper', 'finished', now(), 'orange', true),
                   (8, 'w', 'A1', 'annual', '1.0', 'terminal', 'in_progress', now(), 'none', false);
            INSERT INTO instrument_result VALUES
                (7, 'phq9', '1.0', 0, 'prorated', 'item9', true, '', '3,3,,3,3,3,3,3,1'),
                (7, 'gad7', '1.0', 1, 'complete', '', false, '', '1,1,1,1,1,1,1'),
                (8, 'phq9', '1.0', 0, 'unscored', '', false, '', '');
            """ + OlderScaleScores.rows)
        XCTAssertEqual(
            try PostgresSetup.initialize(link, roles: false),
            ["v5", "pg-functions-2", "pg-key-checks-1", "pg-attempt-indexes-1", "v7"])
        var texts: [String] = []
        for row in try link.query("SELECT results FROM attempt ORDER BY id") {
            texts += try ResultColumn.entries(try row.column(0, at: link.location)).map(\.scales)
        }
        // The text SQLite's migration and ScaleColumn write.
        XCTAssertEqual(texts, OlderScaleScores.texts)
        let store = try PostgresStore(location: try PostgresTestServer.location(database.url), user: "owner")
        let attempts = try store.loadAttempts(ids: [7, 8])
        XCTAssertEqual(attempts[7]?.results.map(\.scales), OlderScaleScores.scales[7])
        XCTAssertEqual(attempts[8]?.results.map(\.scales), OlderScaleScores.scales[8])
        let left = try link.query("SELECT to_regclass('scale_score') IS NULL").first?.column(0, as: Bool.self, at: link.location)
        XCTAssertEqual(left, true)
        // The cohort function was made again: the roles that could run it still can, PUBLIC still cannot.
        for (role, expected) in [("psyscreen_counselor", true), ("psyscreen_admin", true), ("psyscreen_terminal", false)] {
            let may = try link.query(
                "SELECT has_function_privilege(\(role), 'psyscreen_cohort(text)', 'EXECUTE')"
            ).first?.column(0, as: Bool.self, at: link.location)
            XCTAssertEqual(may, expected, role)
        }
        XCTAssertEqual(try PostgresSetup.initialize(link, roles: true), [], "roles set up again after the upgrade")
    }
}

extension PostgresMigrationsTests {
    /// A new database with the schema as a version that stopped before migration `id` left it.
    private func olderDatabase(before id: String) throws -> (PostgresTestDatabase, PostgresLink, String) {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let link = try database.superuser()
        let schema = try PostgresMigrations.currentSchema(link)
        try link.script("CREATE TABLE psyscreen_migration (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        // In one transaction, as `migrate` applies them (a migration may keep a table until its commit).
        try link.transaction {
            for migration in PostgresMigrations.all.prefix(while: { $0.id != id }) {
                try link.script(migration.sql(schema))
                try link.query("INSERT INTO psyscreen_migration (id) VALUES (\(migration.id))")
            }
        }
        return (database, link, schema)
    }

    func testVersion7MovesEveryResultIntoItsAttemptAsSQLiteDoes() throws {
        let (database, link, _) = try olderDatabase(before: "v7")
        for role in PostgresRoles.names { try link.script(PostgresRoles.create(role)) }
        try link.script(
            """
            INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at) VALUES
                ('A1', '张三丰', '城东', '2026', '机电1班', '男', 'enrolled', now());
            INSERT INTO wave (id, created_at) VALUES ('w', now());
            INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, level, scored)
            VALUES (7, 'w', 'A1', 'annual', '1.0', 'paper', 'finished', now(), 'red', true),
                   (8, 'w', 'A1', 'annual', '1.0', 'terminal', 'in_progress', now(), 'none', false),
                   (9, 'w', 'A1', 'annual', '1.0', 'terminal', 'refused', now(), 'none', false);
            """ + OlderResults.rows(tab: "E'\\t'", newline: "E'\\n'", yes: "true", no: "false"))
        XCTAssertEqual(try PostgresSetup.initialize(link, roles: true), ["v7"])
        var texts: [Int64: String] = [:]
        for row in try link.query("SELECT id, results FROM attempt") {
            let (id, text) = try row.decode((Int64, String).self)
            texts[id] = text
        }
        // The text SQLite's migration and ResultColumn write.
        XCTAssertEqual(texts, OlderResults.texts)
        let left = try link.query("SELECT to_regclass('instrument_result') IS NULL").first?.column(
            0, as: Bool.self, at: link.location)
        XCTAssertEqual(left, true)
        let store = try PostgresStore(location: try PostgresTestServer.location(database.url), user: "owner")
        let attempts = try store.loadAttempts(ids: [7, 8, 9])
        XCTAssertEqual(attempts[7]?.results.map(\.scales), OlderScaleScores.scales[7])
        XCTAssertEqual(attempts[7]?.results.map(\.flags), [["item9", "x%y"], []])
        XCTAssertEqual(attempts[7]?.answers["phq9"], [3, 3, nil, 3, 3, 3, 3, 3, 1])
        XCTAssertEqual(attempts[8]?.results.map(\.instrumentID), ["odd\tid"])
        XCTAssertEqual(attempts[9]?.results, [])
        // The cohort function takes the column apart again: per instrument its id, answers and scales.
        func cohort() throws -> [String] {
            try link.query("SELECT array_to_string(instruments || answers || scales, '|') FROM psyscreen_cohort('w')").map {
                row throws(PostgresFailure) in try row.column(0, at: link.location)
            }
        }
        try link.script("DELETE FROM attempt WHERE id = 9")
        XCTAssertEqual(try cohort(), ["odd\tid||total,,,0,9,unscored"])
        try link.script("DELETE FROM attempt WHERE id = 8")
        XCTAssertEqual(
            try cohort(),
            [
                "phq9|gad7|3,3,,3,3,3,3,3,1|1,1,1,1,1,1,1|total,25.875,severe,8,9,prorated;odd%3Bid%2C%25,2.5,,1,2,prorated|"
                    + "total,7,mild,7,7,complete"
            ])
        XCTAssertEqual(try PostgresSetup.initialize(link, roles: true), [], "migrated once")
    }

    func testKeyChecksReplaceTheForeignKeysOfAnOlderDatabaseAndKeepItsRows() throws {
        let (_, link, _) = try olderDatabase(before: "pg-key-checks-1")
        try link.script(
            """
            INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at) VALUES
                ('A1', '张三丰', '城东', '2026', '机电1班', '男', 'enrolled', now());
            INSERT INTO wave (id, created_at) VALUES ('w', now());
            INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, level, scored)
            VALUES (7, 'w', 'A1', 'annual', '1.0', 'paper', 'finished', now(), 'orange', true);
            INSERT INTO instrument_result VALUES (7, 'phq9', '1.0', 0, 'prorated', 'item9', true, '', '3,3,,3,3,3,3,3,1', '');
            """)
        func strings(_ sql: String) throws -> [String] {
            try link.query(PostgresQuery(unsafeSQL: sql)).map { row throws(PostgresFailure) in
                try row.column(0, at: link.location)
            }
        }
        let foreignKeys = """
            SELECT conname::text FROM pg_constraint
            WHERE contype = 'f' AND conrelid::regclass::text IN ('attempt', 'instrument_result') ORDER BY conname
            """
        XCTAssertEqual(
            try strings(foreignKeys),
            ["attempt_import_id_fkey", "attempt_student_id_fkey", "attempt_wave_id_fkey", "instrument_result_attempt_id_fkey"])
        XCTAssertEqual(try PostgresSetup.initialize(link, roles: true), ["pg-key-checks-1", "pg-attempt-indexes-1", "v7"])
        XCTAssertEqual(try strings(foreignKeys), [])
        XCTAssertEqual(try strings("SELECT student_id || ' ' || level FROM attempt"), ["A1 orange"])
        XCTAssertEqual(try strings("SELECT results FROM attempt"), ["phq9\t1.0\tprorated\titem9\t1\t\t3,3,,3,3,3,3,3,1\t"])
        XCTAssertThrowsError(
            try link.script(
                "INSERT INTO attempt (wave_id, student_id, battery_id, battery_version, source, state, started_at) VALUES ('w', 'B1', 'annual', '1.0', 'paper', 'finished', now())"
            )
        ) { XCTAssertEqual(($0 as? PostgresFailure)?.sqlState, "23503") }
        XCTAssertThrowsError(try link.script("DELETE FROM student")) {
            XCTAssertEqual(($0 as? PostgresFailure)?.sqlState, "23503")
        }
        try link.script("DELETE FROM attempt")
        XCTAssertEqual(try PostgresSetup.initialize(link, roles: true), [], "migrated once")
    }

    func testOneIndexOnAttemptsServesTheWaveAndTheStudentLookUps() throws {
        let (database, link, _) = try olderDatabase(before: "pg-attempt-indexes-1")
        try link.script(
            """
            INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at) VALUES
                ('A1', '张三丰', '城东', '2026', '机电1班', '男', 'enrolled', now()),
                ('A2', '李四', '城东', '2026', '机电1班', '女', 'enrolled', now());
            INSERT INTO wave (id, created_at) VALUES ('2025-autumn', now()), ('2026-autumn', now());
            INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, level, scored)
            VALUES (7, '2026-autumn', 'A1', 'annual', '1.0', 'paper', 'finished', now(), 'orange', true),
                   (8, '2025-autumn', 'A2', 'annual', '1.0', 'paper', 'finished', now(), 'none', true),
                   (9, '2025-autumn', 'A1', 'brief', '2.0', 'terminal', 'finished', now(), 'none', true);
            -- Enough other students for the planner to prefer an index to reading the table.
            INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at)
            SELECT 'S' || i, '学生', '城西', '2026', '1班', '女', 'enrolled', now() FROM generate_series(1, 2000) i;
            INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at)
            SELECT 1000 + 2 * i + w, (ARRAY['2025-autumn', '2026-autumn'])[w + 1], 'S' || i, 'annual', '1.0', 'paper',
                'finished', now()
            FROM generate_series(1, 2000) i, generate_series(0, 1) w;
            """)
        func strings(_ sql: String) throws -> [String] {
            try link.query(PostgresQuery(unsafeSQL: sql)).map { row throws(PostgresFailure) in
                try row.column(0, at: link.location)
            }
        }
        let indexes = "SELECT indexdef::text FROM pg_indexes WHERE tablename = 'attempt' ORDER BY indexname"
        XCTAssertEqual(try strings(indexes).count, 4)
        XCTAssertEqual(try PostgresSetup.initialize(link, roles: true), ["pg-attempt-indexes-1", "v7"])
        XCTAssertEqual(
            try strings(indexes),
            [
                "CREATE UNIQUE INDEX attempt_pkey ON public.attempt USING btree (id)",
                "CREATE INDEX attempt_wave_student ON public.attempt USING btree (wave_id, student_id, id) "
                    + "INCLUDE (battery_id, battery_version)",
            ])
        // The look-ups of one student use the index.
        try link.script("VACUUM ANALYZE attempt")
        for query in [
            "SELECT id FROM attempt WHERE wave_id = ANY (ARRAY(SELECT id FROM wave)) AND student_id = 'A1' ORDER BY id",
            "SELECT max(id) FROM attempt WHERE wave_id = '2026-autumn' AND student_id = 'A1'",
        ] {
            let plan = try strings("EXPLAIN (COSTS OFF) " + query).joined(separator: "\n")
            XCTAssertTrue(plan.contains("Index Only Scan using attempt_wave_student on attempt"), "\(query):\n\(plan)")
        }
        // A student's history still spans every wave, in the order the attempts were made.
        let store = try PostgresStore(location: PostgresTestServer.location(database.url), user: "counselor")
        let history = try XCTUnwrap(try store.history(studentID: "A1"))
        XCTAssertEqual(history.attempts.map(\.id), [7, 9])
        XCTAssertEqual(history.attempts.map(\.wave), ["2026-autumn", "2025-autumn"])
        XCTAssertEqual(
            try store.batteries(inWave: "2025-autumn").map { "\($0.id) \($0.version)" }, ["annual 1.0", "brief 2.0"])
    }
}

/// Results of a concurrent loop, one slot per iteration.
private final class UncheckedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<[String], any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<[String], any Error>) { lock.withLock { slots[index] = value } }
    var values: [Result<[String], any Error>?] { lock.withLock { slots } }
}
