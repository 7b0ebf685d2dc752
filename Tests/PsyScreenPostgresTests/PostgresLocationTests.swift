@testable import PsyScreenPostgres
import XCTest

/// Connection URLs read as libpq reads them, with its environment variables filling the gaps.
final class PostgresLocationTests: XCTestCase {
    private func location(_ url: String, _ environment: [String: String] = [:]) throws -> PostgresLocation {
        try PostgresLocation(url: url, environment: environment, user: "teacher")
    }

    func testAFullURL() throws {
        let place = try location(
            "postgresql://wang:s%40cret@db.school.local:5433/district?sslmode=verify-full&sslrootcert=/etc/ca.pem&application_name=lab"
        )
        XCTAssertEqual(place.host, "db.school.local")
        XCTAssertEqual(place.port, 5433)
        XCTAssertEqual(place.user, "wang")
        XCTAssertEqual(place.password, "s@cret")
        XCTAssertEqual(place.database, "district")
        XCTAssertEqual(place.sslMode, .verifyFull)
        XCTAssertEqual(place.sslRootCertificate, "/etc/ca.pem")
        XCTAssertEqual(place.applicationName, "lab")
        XCTAssertEqual(place.displayName, "postgresql://wang@db.school.local:5433/district")
    }

    func testWhatTheURLLeavesOutComesFromTheEnvironmentThenLibpqsDefaults() throws {
        let bare = try location("postgres://")
        XCTAssertEqual(bare.host, "/var/run/postgresql")
        XCTAssertTrue(bare.isUnixSocket)
        XCTAssertEqual(bare.socketPath, "/var/run/postgresql/.s.PGSQL.5432")
        XCTAssertEqual(bare.user, "teacher")
        XCTAssertEqual(bare.database, "teacher", "the database defaults to the user name")
        XCTAssertEqual(bare.sslMode, .prefer)
        XCTAssertNil(bare.password)

        let environment = [
            "PGHOST": "10.1.2.3", "PGPORT": "6000", "PGUSER": "lab01", "PGDATABASE": "screening", "PGSSLMODE": "require",
        ]
        let filled = try location("postgresql:///", environment)
        XCTAssertEqual(
            [filled.host, "\(filled.port)", filled.user, filled.database], ["10.1.2.3", "6000", "lab01", "screening"])
        XCTAssertEqual(filled.sslMode, .require)
        let url = try location("postgresql://li@server/school?sslmode=disable", environment)
        XCTAssertEqual([url.host, url.user, url.database], ["server", "li", "school"])
        XCTAssertEqual(url.port, 6000)
        XCTAssertEqual(url.sslMode, .disable, "the URL wins over PGSSLMODE")
    }

    func testIPv6AndSocketFolders() throws {
        let v6 = try location("postgresql://u@[::1]:5434/db")
        XCTAssertEqual(v6.host, "::1")
        XCTAssertEqual(v6.port, 5434)
        XCTAssertEqual(v6.displayName, "postgresql://u@[::1]:5434/db")
        let socket = try location("postgresql://%2Ftmp%2Fpg/db")
        XCTAssertEqual(socket.host, "/tmp/pg")
        XCTAssertEqual(try location("postgresql:///db?host=/srv/pg&port=7000").socketPath, "/srv/pg/.s.PGSQL.7000")
    }

    func testBadURLsAreRefusedWithoutShowingThePassword() {
        let cases: [(String, String)] = [
            ("postgresql://u:topsecret@h:99999/db", "invalid port '99999'"),
            (
                "postgresql://u:topsecret@h/db?sslmode=maybe",
                "invalid sslmode 'maybe' (use disable, allow, prefer, require, verify-ca, verify-full)"
            ),
            ("postgresql://u:topsecret@h/db?sslcert=x", "unknown parameter 'sslcert'"),
            ("postgresql://u:topsecret@h1,h2/db", "several hosts in one URL are not supported: name one server"),
            ("postgresql://u:topsecret@h/db?sslmode", "missing '=' after 'sslmode' in the URL's parameters"),
        ]
        for (url, message) in cases {
            XCTAssertThrowsError(try location(url), url) { error in
                let failure = error as! PostgresFailure
                XCTAssertTrue(failure.message.english.hasPrefix(message), failure.message.english)
                XCTAssertFalse(failure.description.contains("topsecret"), failure.description)
                XCTAssertTrue(failure.description.hasPrefix("postgresql://u:***@"), failure.description)
            }
        }
    }

    func testOnlyPostgresURLsAreURLs() {
        XCTAssertTrue(PostgresLocation.isURL("postgresql://x/y"))
        XCTAssertTrue(PostgresLocation.isURL("postgres://"))
        XCTAssertFalse(PostgresLocation.isURL("school.sqlite"))
        XCTAssertFalse(PostgresLocation.isURL("./postgresql:/x"))
    }
}

/// Scripts are cut into statements at semicolons outside quotes, dollar-quoted bodies and comments.
final class SQLScriptTests: XCTestCase {
    func testStatementsAreCutOnlyBetweenStatements() {
        let script = """
            CREATE TABLE "a;b" (x text DEFAULT 'it''s; fine'); -- a comment; still a comment
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; PERFORM 2; END $$;
            DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$;
            SELECT $1::text;
            """
        XCTAssertEqual(
            SQLScript.statements(script),
            [
                #"CREATE TABLE "a;b" (x text DEFAULT 'it''s; fine')"#,
                "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; PERFORM 2; END $$",
                "DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$",
                "SELECT $1::text",
            ])
    }
}
