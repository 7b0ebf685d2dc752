import ArgumentParser
import PsyScreenStore

/// `--db PATH`, shared by every command that uses the school database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp("The school database (SQLite).", discussion: "Default: $PSYSCREEN_DB, else ./psyscreen.sqlite.", valueName: "path"))
    var path: String?

    /// Opens (creating and migrating if needed) the database; exits with status 2 when it cannot.
    func open() throws -> ScreeningStore {
        let path = self.path ?? ScreeningStore.defaultPath()
        do {
            return try ScreeningStore(path: path)
        } catch {
            throw failure(error.description)
        }
    }
}
