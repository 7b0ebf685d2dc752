/// `psyscreen db init` and `psyscreen db grant` on a PostgreSQL database.
package enum PostgresSetup {
    /// What a role is given by ``grant(_:as:on:)``.
    package enum Grant: Hashable, Sendable {
        case terminal
        /// Identified data of this school only.
        case counselor(school: String)
        case admin
    }

    /// Creates or upgrades the schema; with `roles`, creates the three group roles (unless they exist) and sets
    /// their grants and row-level security. Returns the migrations applied.
    @discardableResult
    package static func initialize(_ link: PostgresLink, roles: Bool) throws(PostgresFailure) -> [String] {
        let applied = try PostgresMigrations.migrate(link)
        guard roles else { return applied }
        for role in PostgresRoles.names { try link.script(PostgresRoles.create(role)) }
        let schema = try PostgresMigrations.currentSchema(link)
        do {
            try link.transaction { try link.script(PostgresRoles.grants(schema: schema)) }
        } catch let error as PostgresFailure {
            throw error
        } catch {
            throw PostgresFailure(location: link.location.displayName, libraryError: error)
        }
        return applied
    }

    /// Makes the login role `member` a member of the group role for `grant` (and, for a counselor, records the
    /// school it counsels). The role must exist (`createuser`), and so must the group roles (`db init --roles`).
    package static func grant(_ member: String, as grant: Grant, on link: PostgresLink) throws(PostgresFailure) {
        try requireRole(member, link)
        switch grant {
        case .terminal: try link.script("GRANT psyscreen_terminal TO \(quoted(member))")
        case .admin: try link.script("GRANT psyscreen_admin TO \(quoted(member))")
        case .counselor(let school):
            try link.script("GRANT psyscreen_counselor TO \(quoted(member))")
            try link.query("INSERT INTO counselor_school (member, school) VALUES (\(member), \(school)) ON CONFLICT DO NOTHING")
        }
    }

    private static func requireRole(_ role: String, _ link: PostgresLink) throws(PostgresFailure) {
        let found = try link.query("SELECT count(*) FROM pg_roles WHERE rolname = \(role)").first?.column(
            0, as: Int64.self, at: link.location)
        guard found == 1 else {
            throw PostgresFailure(location: link.location.displayName, .noRole(role))
        }
    }

    /// `name` as a quoted SQL identifier.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
