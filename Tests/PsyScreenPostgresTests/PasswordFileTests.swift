import Foundation
import PostgresNIO
@testable import PsyScreenPostgres
import PsyScreenTestSupport
import XCTest

/// The password file as libpq reads it: first matching line, wildcards, escapes, and the owner-only rule.
final class PasswordFileTests: XCTestCase {
    let text = """
        # server:port:database:user:password
        db.school.local:5432:district:wang:first
        db.school.local:*:*:wang:second
        *:*:*:lab\\:01:pa\\\\ss:with:colons
        \\*:5432:district:li:star-host-only
        localhost:5432:*:*:socket

        """

    func testTheFirstMatchingLineWins() {
        func lookup(_ host: String, _ port: Int, _ database: String, _ user: String) -> String? {
            PasswordFile.password(in: text, host: host, port: port, database: database, user: user)
        }
        XCTAssertEqual(lookup("db.school.local", 5432, "district", "wang"), "first")
        XCTAssertEqual(lookup("db.school.local", 6000, "other", "wang"), "second")
        XCTAssertEqual(
            lookup("anywhere", 1, "x", "lab:01"), "pa\\ss:with:colons",
            "escaped colon and backslash; the password keeps its colons")
        XCTAssertNil(lookup("db.school.local", 5432, "district", "li"), "an escaped star is a star, not a wildcard")
        XCTAssertEqual(lookup("*", 5432, "district", "li"), "star-host-only")
        XCTAssertNil(lookup("db.school.local", 5432, "district", "zhao"))
    }

    func testTheFileIsReadOnlyWhenOwnerOnly() throws {
        let folder = scratchFolder()
        let path = folder + "/pgpass"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let location = try PostgresLocation(url: "postgresql://wang@db.school.local/district", environment: [:], user: "x")
        var warnings: [String] = []
        chmod(path, 0o600)
        XCTAssertEqual(
            PasswordFile.password(for: location, environment: ["PGPASSFILE": path], warn: { warnings.append($0) }), "first")
        XCTAssertEqual(warnings, [])
        chmod(path, 0o640)
        XCTAssertNil(PasswordFile.password(for: location, environment: ["PGPASSFILE": path], warn: { warnings.append($0) }))
        XCTAssertEqual(
            warnings, ["WARNING: password file \"\(path)\" has group or world access; permissions should be u=rw (0600) or less"])
        XCTAssertNil(PasswordFile.password(for: location, environment: ["PGPASSFILE": folder], warn: { warnings.append($0) }))
        XCTAssertEqual(warnings.last, "WARNING: password file \"\(folder)\" is not a plain file")
        XCTAssertNil(
            PasswordFile.password(for: location, environment: ["PGPASSFILE": folder + "/missing"], warn: { warnings.append($0) }))
        XCTAssertEqual(warnings.count, 2, "a missing file is silent")
        XCTAssertEqual(PasswordFile.path(environment: ["HOME": "/home/wang"]), "/home/wang/.pgpass")
    }

    func testASocketConnectionMatchesLocalhost() throws {
        let folder = scratchFolder()
        let path = folder + "/pgpass"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        let location = try PostgresLocation(url: "postgresql:///screening", environment: [:], user: "zhao")
        XCTAssertEqual(PasswordFile.password(for: location, environment: ["PGPASSFILE": path], warn: { _ in }), "socket")
    }
}
