import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the data is (`--db`): a SQLite file, or a PostgreSQL database named by a URL.
package enum StoreLocation {
    /// `--db` default: `$PSYSCREEN_DB`, else `./psyscreen.sqlite`.
    package static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["PSYSCREEN_DB"], !path.isEmpty { return path }
        return "psyscreen.sqlite"
    }

    /// Whether `location` names a PostgreSQL database (`postgresql://…` or `postgres://…`), not a file.
    package static func isServer(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// The login name of the effective user, for the audit trail.
    package static func currentUser() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }
}
