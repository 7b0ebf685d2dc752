import Foundation
import PsyScreen
import PsyScreenPostgres
import XCTest

/// The PostgreSQL server the tests may use: `PSYSCREEN_TEST_POSTGRES` (a superuser's URL, as `.ci/run` exports
/// it). Without it the PostgreSQL tests are skipped, saying so.
package enum PostgresTestServer {
    package static let variable = "PSYSCREEN_TEST_POSTGRES"

    /// The server's URL, or a skip that says how to enable the tests (in CI, where `.ci/run` sets it, a failure).
    package static func url() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment[variable], !url.isEmpty else {
            if environment["CI"] == "true" {
                throw PostgresFailure(
                    location: variable,
                    text: LocalizedText(
                        libraryText: "not set in CI: the PostgreSQL tests must run there (.ci/run starts a server)"))
            }
            throw XCTSkip(
                "PostgreSQL tests skipped: \(variable) is not set (`.ci/run` starts a server and sets it; `eval \"$(bash .ci/postgres-server start)\"` does it by hand)"
            )
        }
        return url
    }

    /// A link to the server as the superuser of `PSYSCREEN_TEST_POSTGRES`.
    package static func superuser(database: String? = nil) throws -> PostgresLink {
        var url = try url()
        if let database { url = replacing(url, database: database) }
        return try PostgresLink.connect(location(url))
    }

    /// A new empty database for one test, dropped (with every connection to it, then the logins made for it)
    /// when the test ends.
    package static func makeDatabase(for test: XCTestCase) throws -> PostgresTestDatabase {
        let server = try superuser()
        let name = "psyscreen_test_" + UUID().uuidString.prefix(13).lowercased().replacingOccurrences(of: "-", with: "")
        try server.script("CREATE DATABASE \(name)")
        let database = PostgresTestDatabase(url: replacing(try url(), database: name), server: server)
        test.addTeardownBlock {
            try? server.script("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            for role in database.logins { try? server.script("DROP ROLE IF EXISTS \(role)") }
            server.close()
        }
        return database
    }

    /// A new database for one test (``makeDatabase(for:)``) with psyscreen's schema and roles, and `rows` (SQL)
    /// written by its owner, whose link is returned with it.
    package static func makeSchoolDatabase(
        for test: XCTestCase, rows: String
    ) throws -> (database: PostgresTestDatabase, owner: PostgresLink) {
        let database = try makeDatabase(for: test)
        let owner = try database.superuser()
        try PostgresSetup.initialize(owner, roles: true)
        try owner.script(rows)
        return (database, owner)
    }

    /// The roster rows the PostgreSQL tests share, by ID: 城东 A1 (男), A2 (女) in 2026 机电1班 and A3 (女) in
    /// 机电2班; 城西 B1 (女) in 2025 会计1班. An `INSERT` of the students named, in that order.
    package static func students(_ ids: String...) -> String {
        let rows = [
            "A1": "('A1', '张三丰', '城东', '2026', '机电1班', '男', 'enrolled', now())",
            "A2": "('A2', '王五', '城东', '2026', '机电1班', '女', 'enrolled', now())",
            "A3": "('A3', '赵六', '城东', '2026', '机电2班', '女', 'enrolled', now())",
            "B1": "('B1', '李四', '城西', '2025', '会计1班', '女', 'enrolled', now())",
        ]
        return "INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at) VALUES\n"
            + ids.map { "    " + rows[$0]! }.joined(separator: ",\n") + ";\n"
    }

    /// `url` with another user (and password).
    package static func replacing(_ url: String, user: String, password: String? = nil) -> String {
        let (scheme, rest) = split(url)
        let hostAndPath = rest.contains("@") ? String(rest[rest.index(after: rest.lastIndex(of: "@")!)...]) : rest
        let userInfo = password.map { "\(user):\($0)" } ?? user
        return scheme + userInfo + "@" + hostAndPath
    }

    /// `url` naming another database (its parameters kept).
    package static func replacing(_ url: String, database: String) -> String {
        let (scheme, rest) = split(url)
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        let base = rest.firstIndex(of: "?").map { String(rest[..<$0]) } ?? rest
        let authority = base.firstIndex(of: "/").map { String(base[..<$0]) } ?? base
        return scheme + authority + "/" + database + query
    }

    /// `url` read with the process's environment.
    package static func location(
        _ url: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PostgresLocation {
        try PostgresLocation(url: url, environment: environment, user: "postgres")
    }

    private static func split(_ url: String) -> (scheme: String, rest: String) {
        guard let range = url.range(of: "://") else { return ("", url) }
        return (String(url[..<range.upperBound]), String(url[range.upperBound...]))
    }
}

/// One test's database on the test server.
package final class PostgresTestDatabase: @unchecked Sendable {
    /// The database's URL, as the superuser.
    package let url: String
    private let server: PostgresLink
    private let lock = NSLock()
    private var made: [String] = []

    init(url: String, server: PostgresLink) {
        self.url = url
        self.server = server
    }

    var logins: [String] { lock.withLock { made } }

    /// A new login role with a password (dropped after the database); its URL to this database.
    package func makeLogin(_ prefix: String) throws -> (name: String, password: String, url: String) {
        let name = prefix + "_" + UUID().uuidString.prefix(8).lowercased()
        let password = UUID().uuidString
        try server.script("CREATE ROLE \(name) LOGIN PASSWORD '\(password)'")
        lock.withLock { made.append(name) }
        return (name, password, PostgresTestServer.replacing(url, user: name, password: password))
    }

    /// A link to this database as the superuser.
    package func superuser() throws -> PostgresLink {
        try PostgresLink.connect(PostgresTestServer.location(url))
    }
}
