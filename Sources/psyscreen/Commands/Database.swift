import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Look after the school database: create it, check it, back it up, copy it between SQLite and PostgreSQL; roles.",
        subcommands: [DatabaseInit.self, DatabaseCheck.self, DatabaseBackup.self, DatabaseCopyCommand.self, DatabaseGrant.self])
}

struct DatabaseCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run SQLite's integrity check on the database (read-only); on PostgreSQL, check the schema.",
        discussion: """
            Exit status 0 when the file is sound, 1 when it is damaged (restore the latest backup), 2 when it cannot \
            be read. PostgreSQL checks its own pages (data checksums); for it this checks that the tables are the \
            ones this version works with.
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let path = database.resolvedPath
        let problems: [String]
        do {
            problems = try database.openForReading(checkIntegrity: false).integrityProblems()
        } catch let error as StoreError where error.damage != nil {
            problems = [error.damage ?? ""]
        }
        let server = StoreLocation.isServer(path)
        guard problems.isEmpty else {
            throw CLIError(
                (server ? "" : "the database file is damaged; restore the latest backup (see the README: Backups). SQLite found:\n")
                    + problems.joined(separator: "\n"),
                file: path, exitCode: 1)
        }
        try StandardOutput.line("\(path): ok (\(server ? "schema current" : "SQLite integrity_check"))")
    }
}

struct DatabaseBackup: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to FILE (mode 0600) while terminals keep writing: a consistent snapshot.",
        discussion: """
            Uses SQLite's online backup: the copy holds everything committed before it started, and lab terminals \
            go on saving answers meanwhile. The copy is checked (quick_check) before it replaces FILE; FILE may not \
            be the database or its -wal/-shm. See the README for a daily backup and how to restore.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("Where to write the copy ('-' for standard output).", valueName: "file"))
    var file: String

    var files: CommandFiles { CommandFiles(database: database.resolvedPath, outputs: [.init("FILE", file, .ownerOnly)]) }

    func run() throws {
        guard let store = try database.openForReading(checkIntegrity: false) as? SQLiteStore else {
            throw CLIError(
                "a PostgreSQL database is backed up with the server's tools: pg_dump --format=custom --file=FILE DBNAME (see docs/lab-and-district.md); `psyscreen db copy --to FILE.sqlite` makes a SQLite copy",
                file: database.resolvedPath)
        }
        let output = try files.open(file)
        do {
            try output.write(throughPath: store.backup(to:))
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
        var info = stat()
        let size = output.kind == .replacement && stat(file, &info) == 0 ? " (\(info.st_size) bytes)" : ""
        printError("\(store.path): backed up to \(file)\(size)")
    }
}
