import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Look after the school database: create it, check it, back it up; roles on PostgreSQL.",
        subcommands: [DatabaseInit.self, DatabaseCheck.self, DatabaseBackup.self, DatabaseGrant.self])
}

struct DatabaseCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run SQLite's integrity check on the database (read-only).",
        discussion: "Exit status 0 when the file is sound, 1 when it is damaged (restore the latest backup), 2 when it cannot be read.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let path = database.resolvedPath
        let problems: [String]
        do {
            problems = try database.openForReading(checkIntegrity: false).integrityProblems()
        } catch let error as StoreError where error.damage != nil {
            problems = [error.damage ?? ""]
        }
        guard problems.isEmpty else {
            throw CLIError(
                "the database file is damaged; restore the latest backup (see the README: Backups). SQLite found:\n"
                    + problems.joined(separator: "\n"),
                file: path, exitCode: 1)
        }
        try StandardOutput.line("\(path): ok (SQLite integrity_check)")
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
        let store = try database.openForReading(checkIntegrity: false)
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
