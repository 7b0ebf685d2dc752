import Foundation

/// Where a PostgreSQL database is and how to reach it, read as libpq reads a connection URI
/// (`postgresql://[user[:password]@][host][:port][/dbname][?param=value&…]`, also `postgres://`), with libpq's
/// environment variables (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`, `PGSSLROOTCERT`,
/// `PGCONNECT_TIMEOUT`, `PGAPPNAME`) filling what the URI leaves out.
///
/// The password is looked up when connecting (``password(environment:warn:)``): the URI's, else `PGPASSWORD`,
/// else the password file.
package struct PostgresLocation: Hashable, Sendable {
    /// A host name or address, or (starting with `/`) the folder of the server's Unix socket.
    package var host: String
    package var port: Int
    package var user: String
    package var database: String
    /// Only when the URI holds one (discouraged: it shows in `ps` and shell history).
    package var password: String?
    package var sslMode: SSLMode
    /// `sslrootcert`: the certificates a `verify-ca`/`verify-full` server certificate must chain to.
    package var sslRootCertificate: String?
    package var connectTimeout: Int
    package var applicationName: String

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    package static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// The Unix socket folder Debian's server listens in, libpq's default host there.
    package static let defaultSocketFolder = "/var/run/postgresql"

    /// The location without its password, for messages and the audit trail.
    package var displayName: String {
        let hostPart = isUnixSocket ? Self.escape(host) : host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(Self.escape(user))@\(hostPart):\(port)/\(Self.escape(database))"
    }

    /// Whether ``host`` is a socket folder.
    package var isUnixSocket: Bool { host.hasPrefix("/") }

    /// The socket file libpq would use: `FOLDER/.s.PGSQL.PORT`.
    var socketPath: String { host + "/.s.PGSQL.\(port)" }

    /// Reads `url`; `environment` gives the defaults (and `user` the login name when `PGUSER` is unset).
    package init(url: String, environment: [String: String], user loginName: String) throws(PostgresFailure) {
        let parts = try URIParts(url)
        func setting(_ name: String, _ variable: String) -> String? {
            if let value = parts.parameters[name], !value.isEmpty { return value }
            if let value = environment[variable], !value.isEmpty { return value }
            return nil
        }
        host = parts.host ?? setting("host", "PGHOST") ?? Self.defaultSocketFolder
        guard !host.contains(",") else {
            throw PostgresFailure(url: url, .severalHosts)
        }
        let portText = parts.port ?? setting("port", "PGPORT") ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw PostgresFailure(url: url, .invalidPort(portText))
        }
        self.port = port
        user = parts.user ?? setting("user", "PGUSER") ?? loginName
        database = parts.database ?? setting("dbname", "PGDATABASE") ?? user
        password = parts.password ?? parts.parameters["password"]
        let modeText = setting("sslmode", "PGSSLMODE") ?? SSLMode.standard.rawValue
        guard let mode = SSLMode(rawValue: modeText) else {
            throw PostgresFailure(url: url, .invalidSSLMode(modeText, modes: SSLMode.allCases.map(\.rawValue)))
        }
        sslMode = mode
        sslRootCertificate = setting("sslrootcert", "PGSSLROOTCERT")
        let timeoutText = setting("connect_timeout", "PGCONNECT_TIMEOUT") ?? "10"
        guard let timeout = Int(timeoutText), timeout >= 0 else {
            throw PostgresFailure(url: url, .invalidConnectTimeout(timeoutText))
        }
        // libpq: 0 waits for ever, and values below 2 count as 2.
        connectTimeout = timeout == 0 ? 3600 : max(timeout, 2)
        applicationName = setting("application_name", "PGAPPNAME") ?? "psyscreen"
    }

    /// `url` without the password it may hold, for messages about a URL that could not be read.
    package static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityEnd = url[schemeEnd.upperBound...].firstIndex(where: { $0 == "/" || $0 == "?" }) ?? url.endIndex
        let authority = url[schemeEnd.upperBound..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    private static func escape(_ text: String) -> String {
        var allowed = CharacterSet.urlUserAllowed
        allowed.remove(charactersIn: ":@/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The pieces of a connection URI, percent-decoded.
private struct URIParts {
    var user: String?
    var password: String?
    var host: String?
    var port: String?
    var database: String?
    var parameters: [String: String] = [:]

    /// The query parameters psyscreen understands; libpq also refuses ones it does not know.
    static let known: Set<String> = [
        "host", "port", "user", "password", "dbname", "sslmode", "sslrootcert", "connect_timeout", "application_name",
    ]

    init(_ url: String) throws(PostgresFailure) {
        guard let schemeEnd = url.range(of: "://") else { throw PostgresFailure(url: url, .notAURL) }
        var rest = Substring(url[schemeEnd.upperBound...])
        if let question = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&", omittingEmptySubsequences: true) {
                let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard keyValue.count == 2 else {
                    throw PostgresFailure(url: url, .missingEquals(String(pair)))
                }
                let key = try Self.decode(keyValue[0], url), value = try Self.decode(keyValue[1], url)
                guard Self.known.contains(key) else {
                    throw PostgresFailure(url: url, .unknownParameter(key, known: Self.known.sorted()))
                }
                parameters[key] = value
            }
            rest = rest[..<question]
        }
        if let slash = rest.firstIndex(of: "/") {
            let name = try Self.decode(rest[rest.index(after: slash)...], url)
            database = name.isEmpty ? nil : name
            rest = rest[..<slash]
        }
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.decode(userInfo[..<colon], url)
                password = try Self.decode(userInfo[userInfo.index(after: colon)...], url)
            } else {
                user = try Self.decode(userInfo, url)
            }
            if user == "" { user = nil }
            rest = rest[rest.index(after: at)...]
        }
        // [v6:addr]:port, host:port, host, :port or nothing.
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw PostgresFailure(url: url, .unclosedBracket) }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
            if rest.hasPrefix(":") {
                port = String(rest.dropFirst())
            } else if !rest.isEmpty {
                throw PostgresFailure(url: url, .unexpectedAfterHost(String(rest)))
            }
        } else {
            if let colon = rest.lastIndex(of: ":") {
                port = String(rest[rest.index(after: colon)...])
                rest = rest[..<colon]
            }
            let name = try Self.decode(rest, url)
            host = name.isEmpty ? nil : name
        }
        if port == "" { port = nil }
    }

    private static func decode(_ text: Substring, _ url: String) throws(PostgresFailure) -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw PostgresFailure(url: url, .invalidPercentEncoding(String(text)))
        }
        return decoded
    }
}
