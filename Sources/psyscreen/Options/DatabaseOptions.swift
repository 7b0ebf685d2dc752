import ArgumentParser
import PsyScreenStore

/// `--db PATH`, shared by every command that uses the school database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp("The school database (SQLite).", discussion: "Default: $PSYSCREEN_DB, else ./psyscreen.sqlite.", valueName: "path"))
    var path: String?

    /// The database file this run uses.
    var resolvedPath: String { path ?? ScreeningStore.defaultPath() }

    /// For the commands that only read: never creates the file, works on a file the user may only read, and
    /// stops at once on a damaged one.
    func openForReading(checkIntegrity: Bool = true) throws -> ScreeningStore {
        try ScreeningStore(path: resolvedPath, access: .readOnly, checkIntegrity: checkIntegrity)
    }

    /// For the commands that store: creates (owner-only) and migrates if needed; `checkIntegrity` refuses to add
    /// to a damaged file (`take` leaves it off: a lab terminal starts in an instant, and SQLite still stops at the
    /// first damaged page it meets).
    func openForWriting(checkIntegrity: Bool = true, busyTimeout: Double = 60) throws -> ScreeningStore {
        try ScreeningStore(path: resolvedPath, access: .readWrite, checkIntegrity: checkIntegrity, busyTimeout: busyTimeout)
    }
}
