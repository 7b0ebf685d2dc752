import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

struct DatabaseCopyCommand: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole database between a SQLite file and PostgreSQL (either way): every table, audit trail included.",
        discussion: """
            The target must be new or empty (a SQLite file is created owner-only; a PostgreSQL database gets its \\
            tables). One transaction: an interrupted copy leaves the target empty. The source is read as it was \\
            when the copy began, so lab terminals may keep writing. On PostgreSQL run it as the tables' owner. \\
            Counselors' schools and roles are the server's and are not copied.
            """)

    @Option(help: ArgumentHelp("The database to copy: a file or postgresql://…", valueName: "db"))
    var from: String

    @Option(help: ArgumentHelp("The new database: a file or postgresql://…", valueName: "db"))
    var to: String

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        guard from != to else { throw CLIError(CommandMessage.copyToItself) }
        let source = try DatabaseOptions(path: from).openForReading()
        let target = try DatabaseOptions(path: to).openForWriting()
        let counts = try DatabaseCopy.run(from: source, to: target)
        let rows = counts.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
        try StandardOutput.line(CommandMessage.copied(from: source.path, to: target.path, rows: rows).text(in: language))
    }
}
