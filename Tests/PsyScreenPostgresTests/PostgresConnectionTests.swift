import Foundation
import PostgresNIO
@testable import PsyScreenPostgres
import PsyScreenTestSupport
import XCTest

/// Connecting as libpq users expect: passwords from PGPASSWORD or the password file, sslmode honoured, and
/// messages that say what to do.
final class PostgresConnectionTests: XCTestCase {
    private func connect(
        _ url: String, _ environment: [String: String] = [:], warn: @escaping (String) -> Void = { _ in }
    ) throws -> PostgresLink {
        try PostgresLink.connect(
            try PostgresTestServer.location(url, environment: environment), environment: environment, warn: warn)
    }

    private func value(_ link: PostgresLink, _ sql: String) throws -> String {
        try link.query(PostgresQuery(unsafeSQL: sql)).first!.column(0, at: link.location)
    }

    func testPasswordsComeFromPGPASSWORDOrAnOwnerOnlyPasswordFile() throws {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let login = try database.makeLogin("pwcheck")
        let url = PostgresTestServer.replacing(database.url, user: login.name)
        let noFile = ["PGPASSFILE": "/nonexistent/pgpass"]
        do {
            _ = try connect(url, noFile)
            throw XCTSkip("the test server does not ask \(login.name) for a password (trust): password tests skipped")
        } catch let failure as PostgresFailure {
            XCTAssertEqual(
                failure.message.english,
                "the server asks for a password for user '\(login.name)': set PGPASSWORD, or add a line for this server to ~/.pgpass (mode 0600)"
            )
        }
        XCTAssertEqual(try value(connect(url, ["PGPASSWORD": login.password] + noFile), "SELECT current_user::text"), login.name)
        XCTAssertThrowsError(try connect(url, ["PGPASSWORD": "wrong"] + noFile)) { error in
            XCTAssertEqual(
                (error as? PostgresFailure)?.message.english,
                "password authentication failed for user \"\(login.name)\"; check PGPASSWORD or the password file (~/.pgpass)")
        }
        let location = try PostgresTestServer.location(url)
        let file = scratchFolder() + "/pgpass"
        _ = FileManager.default.createFile(
            atPath: file,
            contents: Data("other:1:x:y:z\n\(location.host):\(location.port):*:\(login.name):\(login.password)\n".utf8),
            attributes: [.posixPermissions: 0o600])
        XCTAssertEqual(try value(connect(url, ["PGPASSFILE": file]), "SELECT current_user::text"), login.name)
        chmod(file, 0o644)
        var warnings: [String] = []
        XCTAssertThrowsError(try connect(url, ["PGPASSFILE": file], warn: { warnings.append($0) }))
        XCTAssertEqual(
            warnings, ["WARNING: password file \"\(file)\" has group or world access; permissions should be u=rw (0600) or less"])
        XCTAssertEqual(
            try value(
                connect(PostgresTestServer.replacing(url, user: login.name, password: login.password), noFile), "SELECT 'url'"),
            "url")
    }

    func testSSLModes() throws {
        let superuser = try PostgresTestServer.superuser()
        guard try value(superuser, "SHOW ssl") == "on" else {
            throw XCTSkip("the test server does not speak TLS: sslmode tests skipped")
        }
        let certificate = try value(superuser, "SHOW ssl_cert_file")
        let url = try PostgresTestServer.url()
        guard url.contains("@127.0.0.1:") else { throw XCTSkip("sslmode tests need the server at 127.0.0.1") }
        func encrypted(_ url: String) throws -> String {
            try value(connect(url), "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        }
        let join = url.contains("?") ? "&" : "?"
        XCTAssertEqual(try encrypted(url + join + "sslmode=disable"), "false")
        XCTAssertEqual(try encrypted(url + join + "sslmode=prefer"), "true")
        XCTAssertEqual(try encrypted(url + join + "sslmode=allow"), "true", "allow is treated as prefer")
        XCTAssertEqual(try encrypted(url + join + "sslmode=require"), "true")
        XCTAssertEqual(try encrypted(url + join + "sslmode=verify-ca&sslrootcert=" + certificate), "true")
        let localhost = url.replacingOccurrences(of: "@127.0.0.1:", with: "@localhost:")
        XCTAssertEqual(try encrypted(localhost + join + "sslmode=verify-full&sslrootcert=" + certificate), "true")
        // The certificate names localhost, not 127.0.0.1.
        XCTAssertThrowsError(try encrypted(url + join + "sslmode=verify-full&sslrootcert=" + certificate)) { error in
            XCTAssertTrue((error as? PostgresFailure)?.message.english.hasPrefix("TLS failed") == true, "\(error)")
        }
        let otherAuthorities = "/etc/ssl/certs/ca-certificates.crt"
        if FileManager.default.fileExists(atPath: otherAuthorities) {
            XCTAssertThrowsError(try encrypted(url + join + "sslmode=verify-ca&sslrootcert=" + otherAuthorities)) { error in
                XCTAssertTrue((error as? PostgresFailure)?.message.english.hasPrefix("TLS failed") == true, "\(error)")
            }
        }
        XCTAssertThrowsError(try encrypted(url + join + "sslmode=verify-full&sslrootcert=/nonexistent/root.crt")) { error in
            XCTAssertEqual(
                (error as? PostgresFailure)?.message.english,
                "root certificate file \"/nonexistent/root.crt\" does not exist: either provide the file (sslrootcert=PATH) or change sslmode to disable server certificate verification"
            )
        }
    }

    func testMessagesSayWhatToDo() throws {
        let url = try PostgresTestServer.url()
        let missing = PostgresTestServer.replacing(url, database: "psyscreen_no_such_database")
        XCTAssertThrowsError(try connect(missing)) { error in
            XCTAssertEqual(
                (error as? PostgresFailure)?.message.english,
                "database \"psyscreen_no_such_database\" does not exist: the server's administrator creates it (createdb), then `psyscreen db init`"
            )
            XCTAssertEqual((error as? PostgresFailure)?.sqlState, "3D000")
        }
        // A port nobody listens on (this process holds it, without listening).
        let socket = unlisteningPort()
        defer { close(socket.fd) }
        XCTAssertThrowsError(try connect("postgresql://u@127.0.0.1:\(socket.port)/x?sslmode=disable")) { error in
            let message = (error as? PostgresFailure)?.message.english ?? "\(error)"
            XCTAssertTrue(message.hasPrefix("cannot connect to the server ("), message)
            XCTAssertTrue(message.hasSuffix("): is PostgreSQL running there and accepting connections?"), message)
        }
        let link = try PostgresTestServer.superuser()
        XCTAssertThrowsError(try link.query("SELECT * FROM psyscreen_no_such_table")) { error in
            XCTAssertEqual((error as? PostgresFailure)?.message.english, "relation \"psyscreen_no_such_table\" does not exist")
        }
        XCTAssertEqual(try value(link, "SELECT 'still usable'"), "still usable")
    }
}

/// A bound TCP port on 127.0.0.1 that does not listen: connecting to it is refused.
private func unlisteningPort() -> (fd: Int32, port: Int) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = bind(fd, $0, length) }
    }
    withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
    }
    return (fd, Int(UInt16(bigEndian: address.sin_port)))
}

private func + (left: [String: String], right: [String: String]) -> [String: String] {
    left.merging(right) { _, new in new }
}
