import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libpq's password file (`~/.pgpass`, or `PGPASSFILE`): lines `hostname:port:database:username:password`, each
/// of the first four a value or `*`, `\:` and `\\` escaping a colon and a backslash, `#` starting a comment; the
/// first matching line wins. As libpq does, a file that others may read or write (any group or other permission
/// bit) is ignored with a warning, and so is anything but a regular file.
package enum PasswordFile {
    /// The file libpq would read: `PGPASSFILE`, else `.pgpass` in the home folder.
    package static func path(environment: [String: String]) -> String? {
        if let file = environment["PGPASSFILE"], !file.isEmpty { return file }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.pgpass" }
        guard let entry = getpwuid(geteuid()), let home = entry.pointee.pw_dir else { return nil }
        return String(cString: home) + "/.pgpass"
    }

    /// The password for a connection, or nil (no file, no matching line, or a file ignored with a warning).
    package static func password(
        for location: PostgresLocation, environment: [String: String], warn: (String) -> Void
    ) -> String? {
        guard let path = path(environment: environment) else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            warn("WARNING: password file \"\(path)\" is not a plain file")
            return nil
        }
        guard info.st_mode & (S_IRWXG | S_IRWXO) == 0 else {
            warn("WARNING: password file \"\(path)\" has group or world access; permissions should be u=rw (0600) or less")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        // A socket folder is matched as `localhost`, as libpq does.
        let host = location.isUnixSocket ? "localhost" : location.host
        return password(
            in: String(decoding: data, as: UTF8.self), host: host, port: location.port, database: location.database,
            user: location.user)
    }

    /// The password of the first line of `text` that matches.
    static func password(in text: String, host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard !line.hasPrefix("#") else { continue }
            let fields = fields(of: line)
            guard fields.count >= 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0.isWildcard || $0.text == $1 }) {
                // A password may itself hold colons: whatever follows the fourth separator.
                return fields[4...].map(\.text).joined(separator: ":")
            }
        }
        return nil
    }

    /// Splits at unescaped colons and removes the escapes; a field that is an unescaped `*` matches anything
    /// (`\*` is a star).
    private static func fields(of line: Substring) -> [(text: String, isWildcard: Bool)] {
        var fields: [(text: String, isWildcard: Bool)] = []
        var current = ""
        var escapes = 0
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
                escapes += 1
            } else if character == ":" {
                fields.append((current, current == "*" && escapes == 0))
                current = ""
                escapes = 0
            } else {
                current.append(character)
            }
        }
        fields.append((current, current == "*" && escapes == 0))
        return fields
    }
}
