/// The PostgreSQL schema as versioned migrations, recorded in `psyscreen_migration`: add a migration, never edit
/// a shipped one. The table migrations carry the SQLite migrations' names (`v1`, `v2`, …), so that both stores
/// say which schema they hold; the `pg-…` ones are PostgreSQL's own (functions, the counselor table).
package enum PostgresMigrations {
    struct Migration {
        var id: String
        var sql: @Sendable (_ schema: String) -> String
    }

    static let all: [Migration] = [
        Migration(id: "v1") { _ in PostgresTables.version1 },
        Migration(id: "v2") { _ in PostgresTables.version2 },
        Migration(id: "pg-counselor-school") { _ in PostgresTables.counselorSchools },
        Migration(id: "pg-functions-1") { schema in
            let all = PostgresFunctions.terminal + PostgresFunctions.reporting + PostgresFunctions.helpers
            // Functions may be executed by PUBLIC unless revoked: a definer function must not be.
            return PostgresFunctions.definitions.replacingOccurrences(of: "SCHEMA", with: schema)
                + "\nREVOKE ALL ON FUNCTION \(all.joined(separator: ", ")) FROM PUBLIC;\n"
        },
        Migration(id: "v3") { _ in PostgresTables.version3 },
        Migration(id: "v4") { _ in PostgresTables.version4 },
        Migration(id: "pg-release-1") { schema in
            PostgresReleaseFunctions.definitions.replacingOccurrences(of: "SCHEMA", with: schema)
                + "\nREVOKE ALL ON FUNCTION \(PostgresReleaseFunctions.all.joined(separator: ", ")) FROM PUBLIC;\n"
        },
        Migration(id: "v5") { _ in PostgresTables.version5 },
        Migration(id: "pg-functions-2") { schema in PostgresFunctions.version2.replacingOccurrences(of: "SCHEMA", with: schema) },
        Migration(id: "pg-key-checks-1") { schema in PostgresKeyChecks.migration.replacingOccurrences(of: "SCHEMA", with: schema)
        },
        Migration(id: "pg-attempt-indexes-1") { _ in PostgresTables.attemptIndexes },
        Migration(id: "v7") { schema in
            PostgresTables.version7 + PostgresFunctions.version3.replacingOccurrences(of: "SCHEMA", with: schema)
        },
    ]

    /// The ids of every migration this version knows, in order.
    package static var identifiers: [String] { all.map(\.id) }

    /// Where the schema stands in the connected database.
    package enum State: Equatable {
        /// No psyscreen tables: a database to initialize.
        case empty
        /// Made by an older psyscreen: these migrations are missing.
        case behind([String])
        case current
        /// Made by a newer psyscreen (it applied migrations this one does not know).
        case ahead([String])
    }

    /// Reads the state without changing anything.
    package static func state(_ link: PostgresLink) throws(PostgresFailure) -> State {
        let exists = try link.query("SELECT to_regclass('psyscreen_migration') IS NOT NULL").first
        guard try exists?.column(0, as: Bool.self, at: link.location) == true else { return .empty }
        var applied: [String] = []
        for row in try link.query("SELECT id FROM psyscreen_migration") { applied.append(try row.column(0, at: link.location)) }
        let unknown = applied.filter { !identifiers.contains($0) }
        if !unknown.isEmpty { return .ahead(unknown) }
        let missing = identifiers.filter { !applied.contains($0) }
        return missing.isEmpty ? .current : .behind(missing)
    }

    /// Creates or upgrades the schema in one transaction (concurrent callers wait for each other), and returns the
    /// migrations it applied. Refuses a database from a newer psyscreen.
    @discardableResult
    package static func migrate(_ link: PostgresLink) throws(PostgresFailure) -> [String] {
        // Up to date: nothing to lock or create (a role that may not change the schema gets here too).
        if try state(link) == .current { return [] }
        do {
            return try link.transaction { () throws -> [String] in
                try link.query("SELECT pg_advisory_xact_lock(hashtext('psyscreen schema'))")
                try link.script(
                    "CREATE TABLE IF NOT EXISTS psyscreen_migration (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
                )
                let missing: [String]
                switch try state(link) {
                case .ahead(let unknown): throw newer(link, unknown)
                case .current, .empty: return []
                case .behind(let ids): missing = ids
                }
                let schema = try currentSchema(link)
                for migration in all where missing.contains(migration.id) {
                    try link.script(migration.sql(schema))
                    try link.query("INSERT INTO psyscreen_migration (id) VALUES (\(migration.id))")
                }
                return missing
            }
        } catch let error as PostgresFailure {
            throw error
        } catch {
            throw PostgresFailure(location: link.location.displayName, libraryError: error)
        }
    }

    /// Checks that the schema is the one this version works with, without changing it: for roles that may not
    /// change the schema (and for read commands).
    package static func requireCurrent(_ link: PostgresLink) throws(PostgresFailure) {
        switch try state(link) {
        case .current: return
        case .ahead(let unknown): throw newer(link, unknown)
        case .empty:
            throw PostgresFailure(location: link.location.displayName, .noDatabase(link.location.displayName))
        case .behind:
            throw PostgresFailure(location: link.location.displayName, .olderSchema)
        }
    }

    /// The schema the tables are created in: the first of the search path (normally `public`), quoted.
    static func currentSchema(_ link: PostgresLink) throws(PostgresFailure) -> String {
        guard let row = try link.query("SELECT quote_ident(current_schema())").first,
            let schema = try? row.column(0, as: String.self, at: link.location)
        else {
            throw PostgresFailure(location: link.location.displayName, .noSchema)
        }
        return schema
    }

    private static func newer(_ link: PostgresLink, _ unknown: [String]) -> PostgresFailure {
        PostgresFailure(location: link.location.displayName, .newerSchema(unknown))
    }
}
