import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract:
            "Look after the school database: create it, check it, back it up, copy it between SQLite and PostgreSQL; roles.",
        subcommands: [DatabaseInit.self, DatabaseCheck.self, DatabaseBackup.self, DatabaseCopyCommand.self, DatabaseGrant.self])
}

struct DatabaseCheck: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run SQLite's integrity check on the database (read-only); on PostgreSQL, check the schema.",
        discussion: """
            Exit status 0 when the file is sound, 1 when it is damaged (restore the latest backup), 2 when it cannot \
            be read. PostgreSQL checks its own pages (data checksums); for it this checks that the tables are the \
            ones this version works with.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        let path = database.resolvedPath
        let problems: [LocalizedText]
        do {
            problems = try database.openForReading(checkIntegrity: false).integrityProblems()
        } catch let error as StoreError where error.damage != nil {
            problems = error.damage.map { [$0] } ?? []
        }
        let server = StoreLocation.isServer(path)
        guard problems.isEmpty else {
            throw CLIError(
                server ? CommandMessage.schemaProblems(problems) : CommandMessage.databaseDamaged(problems), file: path,
                exitCode: 1)
        }
        try StandardOutput.line(
            (server ? CommandMessage.schemaCurrent(path) : CommandMessage.databaseSound(path)).text(in: language))
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

    @OptionGroup var lang: LanguageOption

    var files: CommandFiles { CommandFiles(database: database.resolvedPath, outputs: [.init("FILE", file, .ownerOnly)]) }

    func run(in language: Language) throws {
        guard let store = try database.openForReading(checkIntegrity: false) as? SQLiteStore else {
            throw CLIError(CommandMessage.backupIsPostgres, file: database.resolvedPath)
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
        let size = output.kind == .replacement && stat(file, &info) == 0 ? Int64(info.st_size) : nil
        printError(CommandMessage.backedUp(database: store.path, to: file, bytes: size).text(in: language))
    }
}
