import ArgumentParser
import Foundation
import PsyScreenPostgres
import PsyScreenStore

/// `--db PATH`, shared by every command that uses the school database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The school database: a SQLite file, or a PostgreSQL server's database (postgresql://USER@HOST:PORT/DBNAME).",
            discussion:
                "Default: $PSYSCREEN_DB, else ./psyscreen.sqlite. PostgreSQL passwords come from PGPASSWORD or ~/.pgpass.",
            valueName: "path"))
    var path: String?

    init() {}

    /// A database named outside `--db` (`db copy --from/--to`).
    init(path: String) { self.path = path }

    /// The database this run uses: a file path or a PostgreSQL URL.
    var resolvedPath: String { path ?? StoreLocation.defaultPath() }

    /// The PostgreSQL database `--db` names (with libpq's environment variables).
    func postgresLocation() throws -> PostgresLocation {
        try PostgresLocation(
            url: resolvedPath, environment: ProcessInfo.processInfo.environment, user: StoreLocation.currentUser())
    }

    /// For the commands that only read: never creates the database, works on a file the user may only read, and
    /// stops at once on a damaged one (`scope`: what the check covers).
    func openForReading(checkIntegrity: Bool = true, scope: IntegrityScope = .wholeFile) throws -> any ScreeningStore {
        try open(.readOnly, checkIntegrity: checkIntegrity, scope: scope)
    }

    /// For the commands that store: creates (a file owner-only) and migrates if needed; `checkIntegrity` refuses to
    /// add to a damaged file (`take` leaves it off: a lab terminal starts in an instant, and SQLite still stops at
    /// the first damaged page it meets).
    /// `busyTimeout`: how long a statement waits for another connection's lock before it fails as busy
    /// (``StoreError/isBusy``): SQLite's busy timeout, PostgreSQL's `lock_timeout`.
    func openForWriting(checkIntegrity: Bool = true, busyTimeout: Double = 60) throws -> any ScreeningStore {
        try open(.readWrite, checkIntegrity: checkIntegrity, busyTimeout: busyTimeout)
    }

    /// A `postgresql://` URL opens PostgreSQL (PostgreSQL checks its own pages), anything else a SQLite file.
    private func open(
        _ access: StoreAccess, checkIntegrity: Bool, scope: IntegrityScope = .wholeFile, busyTimeout: Double = 60
    ) throws -> any ScreeningStore {
        if StoreLocation.isServer(resolvedPath) {
            return try PostgresStore(location: try postgresLocation(), access: access, lockTimeout: busyTimeout)
        }
        return try SQLiteStore(
            path: resolvedPath, access: access, checkIntegrity: checkIntegrity, scope: scope, busyTimeout: busyTimeout)
    }
}
