import Foundation
import PostgresNIO
@testable import PsyScreenPostgres
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
                "answer", "attempt", "audit", "counselor_school", "follow_up", "import", "instrument_result",
                "psyscreen_migration",
                "scale_score", "student", "wave", "wave_pattern", "wave_release",
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
}

/// Results of a concurrent loop, one slot per iteration.
private final class UncheckedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<[String], any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<[String], any Error>) { lock.withLock { slots[index] = value } }
    var values: [Result<[String], any Error>?] { lock.withLock { slots } }
}
