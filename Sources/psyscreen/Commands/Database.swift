import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Look after the school database: check it, back it up.",
        subcommands: [DatabaseCheck.self, DatabaseBackup.self])
}

struct DatabaseCheck: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run SQLite's integrity check on the database (read-only).",
        discussion: "Exit status 0 when the file is sound, 1 when it is damaged (restore the latest backup), 2 when it cannot be read.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        let path = database.resolvedPath
        let problems: [LocalizedText]
        do {
            // SQLite's findings, in its words.
            problems = try database.openForReading(checkIntegrity: false).integrityProblems().map(LocalizedText.init(libraryText:))
        } catch let error as StoreError where error.damage != nil {
            problems = error.damage.map { [$0] } ?? []
        }
        guard problems.isEmpty else {
            throw CLIError(CommandMessage.databaseDamaged(problems), file: path, exitCode: 1)
        }
        try StandardOutput.line(CommandMessage.databaseSound(path).text(in: language))
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
        let size = output.kind == .replacement && stat(file, &info) == 0 ? Int64(info.st_size) : nil
        printError(CommandMessage.backedUp(database: store.path, to: file, bytes: size).text(in: language))
    }
}
