import ArgumentParser
import Foundation
import PsyScreenPostgres
import PsyScreenStore

struct DatabaseInit: ParsableCommand {
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

    func run() throws {
        let target = database.resolvedPath
        guard PostgresLocation.isURL(target) else {
            if roles {
                throw CLIError("roles are PostgreSQL's: a SQLite file is protected by its mode (0600) and whoever may log in to this machine", file: target)
            }
            _ = try database.openForWriting()
            try StandardOutput.line("\(target): tables up to date")
            return
        }
        let link = try PostgresLink.connect(try database.postgresLocation())
        let applied = try PostgresSetup.initialize(link, roles: roles)
        var text = "\(link.location.displayName): " + (applied.isEmpty ? "tables up to date" : "applied \(applied.joined(separator: ", "))")
        if roles {
            text += "\nroles \(["psyscreen_terminal", "psyscreen_counselor", "psyscreen_admin"].joined(separator: ", ")) ready: give each login its role with `psyscreen db grant LOGIN --terminal | --counselor SCHOOL | --admin`"
        }
        try StandardOutput.line(text)
    }
}

struct DatabaseGrant: ParsableCommand {
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

    func validate() throws {
        guard [terminal, counselor != nil, admin].filter({ $0 }).count == 1 else {
            throw ValidationError("say which role: --terminal, --counselor SCHOOL or --admin")
        }
    }

    func run() throws {
        let target = database.resolvedPath
        guard PostgresLocation.isURL(target) else {
            throw CLIError("roles are PostgreSQL's: `--db postgresql://…` names the server's database", file: target)
        }
        let grant: PostgresSetup.Grant = terminal ? .terminal : admin ? .admin : .counselor(school: counselor ?? "")
        let link = try PostgresLink.connect(try database.postgresLocation())
        try PostgresSetup.grant(login, as: grant, on: link)
        let what = terminal ? "psyscreen_terminal" : admin ? "psyscreen_admin" : "psyscreen_counselor of \(counselor ?? "")"
        try StandardOutput.line("\(link.location.displayName): \(login) is now \(what)")
    }
}
