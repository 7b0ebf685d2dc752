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
            discussion: "Default: $PSYSCREEN_DB, else ./psyscreen.sqlite. PostgreSQL passwords come from PGPASSWORD or ~/.pgpass.",
            valueName: "path"))
    var path: String?

    /// The database file this run uses.
    var resolvedPath: String { path ?? ScreeningStore.defaultPath() }

    /// The PostgreSQL database `--db` names (with libpq's environment variables).
    func postgresLocation() throws -> PostgresLocation {
        try PostgresLocation(url: resolvedPath, environment: ProcessInfo.processInfo.environment, user: ScreeningStore.currentUser())
    }

    /// For the commands that only read: never creates the file, works on a file the user may only read, and
    /// stops at once on a damaged one.
    func openForReading(checkIntegrity: Bool = true) throws -> ScreeningStore {
        try ScreeningStore(path: resolvedPath, access: .readOnly, checkIntegrity: checkIntegrity)
    }

    /// For the commands that store: creates (owner-only) and migrates if needed; `checkIntegrity` refuses to add
    /// to a damaged file (`take` leaves it off: a lab terminal starts in an instant, and SQLite still stops at the
    /// first damaged page it meets).
    func openForWriting(checkIntegrity: Bool = true) throws -> ScreeningStore {
        try ScreeningStore(path: resolvedPath, access: .readWrite, checkIntegrity: checkIntegrity)
    }
}
