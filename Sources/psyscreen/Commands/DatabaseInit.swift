import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenPostgres
import PsyScreenStore

struct DatabaseInit: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database's tables, or bring them up to date; on PostgreSQL also the roles (--roles).",
        discussion: """
            A SQLite file is created owner-only. On PostgreSQL the database must exist (createdb) and this runs as \
            the role that is to own the tables. With --roles it creates the group roles psyscreen_terminal (lab \
            PCs), psyscreen_counselor (identified data of their own schools) and psyscreen_admin (counts and \
            anonymized reports of every school) and sets what each may do; give logins a role with `psyscreen db \
            grant`. Running it again changes nothing, or upgrades. See docs/lab-and-district.md.
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "PostgreSQL: also create the three group roles and set their rights.")
    var roles = false

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        let target = database.resolvedPath
        guard PostgresLocation.isURL(target) else {
            if roles { throw CLIError(CommandMessage.rolesOnFile, file: target) }
            _ = try database.openForWriting()
            try StandardOutput.line(CommandMessage.tablesUpToDate(target).text(in: language))
            return
        }
        let link = try PostgresLink.connect(try database.postgresLocation())
        let applied = try PostgresSetup.initialize(link, roles: roles)
        let name = link.location.displayName
        var text = (applied.isEmpty ? CommandMessage.tablesUpToDate(name) : .migrationsApplied(name, applied)).text(in: language)
        if roles {
            text +=
                "\n"
                + CommandMessage.rolesReady(["psyscreen_terminal", "psyscreen_counselor", "psyscreen_admin"]).text(in: language)
        }
        try StandardOutput.line(text)
    }
}

struct DatabaseGrant: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "PostgreSQL: give a login (made with createuser) the lab terminal, counselor or administrator role.",
        discussion: """
            --terminal: the lab PCs' login (look a student up by ID, store their answers; nothing else). \
            --counselor SCHOOL: identified data of that school only (repeat the command for another school). \
            --admin: counts and anonymized reports of every school, no names or IDs. Run as the tables' owner, \
            after `psyscreen db init --roles`.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The login role (createuser --pwprompt NAME).")
    var login: String

    @Flag(help: "A lab terminal.") var terminal = false
    @Option(help: ArgumentHelp("A counselor of this school.", valueName: "school")) var counselor: String?
    @Flag(help: "A district or bureau administrator.") var admin = false

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        guard [terminal, counselor != nil, admin].filter({ $0 }).count == 1 else { throw CLIError(CommandMessage.sayWhichRole) }
        let target = database.resolvedPath
        guard PostgresLocation.isURL(target) else { throw CLIError(CommandMessage.rolesNeedServer, file: target) }
        let grant: PostgresSetup.Grant = terminal ? .terminal : admin ? .admin : .counselor(school: counselor ?? "")
        let link = try PostgresLink.connect(try database.postgresLocation())
        try PostgresSetup.grant(login, as: grant, on: link)
        let role: GrantedRole = terminal ? .terminal : admin ? .admin : .counselor(school: counselor ?? "")
        try StandardOutput.line(
            CommandMessage.granted(database: link.location.displayName, login: login, role).text(in: language))
    }
}
