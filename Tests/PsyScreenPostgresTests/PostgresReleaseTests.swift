import Foundation
import PostgresNIO
import PsyScreen
@testable import PsyScreenPostgres
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// Releases on a shared server: the administrator closes a district's wave through the release functions, reading
/// no ID; a counselor checks that a wave is closed and unchanged but may not close it.
final class PostgresReleaseTests: XCTestCase {
    private var database: PostgresTestDatabase!
    private var owner: PostgresLink!

    override func setUpWithError() throws {
        // 城东: A1 red, A2 not screened; 城西: B1 orange.
        (database, owner) = try PostgresTestServer.makeSchoolDatabase(
            for: self,
            rows: PostgresTestServer.students("A1", "A2", "B1")
                + """
                INSERT INTO wave (id, created_at) VALUES ('w', now());
                INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, level, reasons, scored)
                VALUES (1, 'w', 'A1', 'annual', '1', 'paper', 'finished', now(), 'red', 'crisis item', true),
                       (2, 'w', 'B1', 'annual', '1', 'paper', 'finished', now(), 'orange', 'severe', true);
                SELECT setval('attempt_id_seq', 2);
                """)
    }

    private func store(_ grant: PostgresSetup.Grant) throws -> (store: PostgresStore, link: PostgresLink, name: String) {
        let login = try database.makeLogin("role")
        try PostgresSetup.grant(login.name, as: grant, on: owner)
        let location = try PostgresTestServer.location(login.url)
        return (try PostgresStore(location: location, user: "os-user"), try PostgresLink.connect(location), login.name)
    }

    func testTheAdministratorClosesACounselorChecksAndNeitherReadsAnID() throws {
        let admin = try store(.admin)
        XCTAssertEqual(try admin.store.releaseState(wave: "w"), .open)
        let closed = try admin.store.closeWave("w", threshold: .standard, pattern: Data(#"{"p":1}"#.utf8))
        XCTAssertEqual(closed.students, 3)
        XCTAssertEqual(closed.changed, 0)
        XCTAssertEqual(try admin.store.releaseState(wave: "w"), .closed)
        XCTAssertEqual(try admin.store.closedPattern(wave: "w", threshold: .standard), Data(#"{"p":1}"#.utf8))
        XCTAssertNil(try admin.store.closedPattern(wave: "w", threshold: try MinimumCellSize(12)))
        // What the release functions hand out: fingerprints without the ID, in the SQLite store's form.
        let prints = try admin.link.query("SELECT now_print FROM psyscreen_release_pairs('w')").map {
            row throws(PostgresFailure) in try row.column(0, as: String.self, at: admin.link.location)
        }
        XCTAssertEqual(
            prints,
            [
                "enrolled|城东|2026|机电1班|女||||||", "enrolled|城东|2026|机电1班|男||1|finished|1|red|1",
                "enrolled|城西|2025|会计1班|女||2|finished|1|orange|0",
            ])
        XCTAssertFalse(prints.joined().contains("A1"))
        XCTAssertEqual(
            try owner.query("SELECT \"user\" FROM audit WHERE action = 'wave close'").map {
                row throws(PostgresFailure) in try row.column(0, as: String.self, at: owner.location)
            }, [admin.name])

        let counselor = try store(.counselor(school: "城东"))
        XCTAssertEqual(try counselor.store.releaseState(wave: "w"), .closed)
        XCTAssertThrowsError(try counselor.store.closeWave("w", threshold: .standard)) { error in
            XCTAssertTrue(
                "\(error)".contains("permission denied for function psyscreen_close_wave"), "\(error)")
        }
        XCTAssertThrowsError(try counselor.store.openWave("w"))

        // A late sheet in 城东: the wave changed for the administrator and for 城东's counselor, not for 城西's.
        try owner.script(
            """
            INSERT INTO attempt (wave_id, student_id, battery_id, battery_version, source, state, started_at, level, scored)
            VALUES ('w', 'A2', 'annual', '1', 'paper', 'finished', now(), 'none', true);
            """)
        XCTAssertEqual(try admin.store.releaseState(wave: "w"), .changedSinceClosing(students: 1))
        XCTAssertEqual(try counselor.store.releaseState(wave: "w"), .changedSinceClosing(students: 1))
        XCTAssertEqual(try store(.counselor(school: "城西")).store.releaseState(wave: "w"), .closed)
        // Every unit shown is smaller than k: closing again shows nobody.
        try admin.store.openWave("w")
        XCTAssertEqual(try admin.store.releaseState(wave: "w"), .open)
        XCTAssertEqual(try admin.store.closeWave("w", threshold: .standard).changed, 1)
        XCTAssertEqual(try admin.store.releaseState(wave: "w"), .closed)
    }
}
