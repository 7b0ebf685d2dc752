/// What psyscreen says about a PostgreSQL database: its URL, the connection, TLS, the schema and roles. The
/// server's own words (its error message, detail and hint) are carried as they are.
package enum PostgresStoreMessage: Message, Hashable {
    case rootCertificateMissing(String)
    case cannotSetUpTLS(String)
    case severalHosts
    case invalidPort(String)
    case invalidSSLMode(String, modes: [String])
    case invalidConnectTimeout(String)
    case notAURL
    case missingEquals(String)
    case unknownParameter(String, known: [String])
    case unclosedBracket
    case unexpectedAfterHost(String)
    case invalidPercentEncoding(String)
    /// The server refused: its message (nil: it gave none) and detail, and what to do.
    case serverRefused(String?, detail: String?, ServerAdvice)
    case passwordNeeded(user: String)
    case tlsUnsupported(sslMode: String)
    case tlsFailed(String?)
    case certificateRejected(String)
    case cannotConnect(String?)
    case closedWhileConnecting
    case connectionLost
    case databaseError(String)
    case unexpectedValue(column: String, type: String)
    case noDatabase(String)
    case olderSchema
    case noSchema
    case newerSchema([String])
    case noRole(String)

    /// What to do about a refusal, by the server's SQLSTATE.
    package enum ServerAdvice: Hashable, Sendable {
        case none
        case permission(role: String)
        case checkPassword
        case createDatabase
        case maxConnections
        /// The server's hint, as it gave it.
        case hint(String)
    }

    package var english: String {
        switch self {
        case .rootCertificateMissing(let path):
            "root certificate file \"\(path)\" does not exist: either provide the file (sslrootcert=PATH) or change sslmode to disable server certificate verification"
        case .cannotSetUpTLS(let error): "cannot set up TLS: \(error)"
        case .severalHosts: "several hosts in one URL are not supported: name one server"
        case .invalidPort(let text): "invalid port '\(text)'"
        case .invalidSSLMode(let text, let modes): "invalid sslmode '\(text)' (use \(modes.joined(separator: ", ")))"
        case .invalidConnectTimeout(let text): "invalid connect_timeout '\(text)' (seconds)"
        case .notAURL: "not a postgresql:// URL"
        case .missingEquals(let pair): "missing '=' after '\(pair)' in the URL's parameters"
        case .unknownParameter(let key, let known):
            "unknown parameter '\(key)' (psyscreen understands \(known.joined(separator: ", ")))"
        case .unclosedBracket: "unclosed '[' in the host"
        case .unexpectedAfterHost(let text): "unexpected '\(text)' after the host"
        case .invalidPercentEncoding(let text): "invalid percent-encoding in '\(text)'"
        case .serverRefused(let message, let detail, let advice):
            (message ?? "the server refused") + (detail.map { " (\($0))" } ?? "")
                + {
                    switch advice {
                    case .none: ""
                    case .permission(let role): ": the database role '\(role)' may not do this"
                    case .checkPassword: "; check PGPASSWORD or the password file (~/.pgpass)"
                    case .createDatabase: ": the server's administrator creates it (createdb), then `psyscreen db init`"
                    case .maxConnections: ": raise max_connections on the server (each lab terminal holds one connection)"
                    case .hint(let hint): " (\(hint))"
                    }
                }()
        case .passwordNeeded(let user):
            "the server asks for a password for user '\(user)': set PGPASSWORD, or add a line for this server to ~/.pgpass (mode 0600)"
        case .tlsUnsupported(let mode): "the server does not accept TLS connections, and sslmode=\(mode) needs one"
        case .tlsFailed(let reason): "TLS failed: \(reason ?? "unknown reason")"
        case .certificateRejected(let reason): "TLS failed: the server's certificate was not accepted (\(reason))"
        case .cannotConnect(let reason):
            "cannot connect to the server (\(reason ?? "unknown reason")): is PostgreSQL running there and accepting connections?"
        case .closedWhileConnecting: "the server closed the connection while connecting"
        case .connectionLost: "the connection to the server was lost"
        case .databaseError(let error): "database error: \(error)"
        case .unexpectedValue(let column, let type):
            "unexpected value in column \(column) (\(type)): is the database from another version of psyscreen?"
        case .noDatabase(let name):
            "no psyscreen database here: create its tables with `psyscreen db init --db \(name)` (as the database's owner)"
        case .olderSchema:
            "the database was made by an older psyscreen: run `psyscreen db init` as the database's owner to upgrade it"
        case .noSchema: "no schema to create the tables in (search_path is empty)"
        case .newerSchema(let unknown):
            "the database was written by a newer psyscreen (it has migrations \(unknown.joined(separator: ", "))); use that version"
        case .noRole(let role): "no role '\(role)' on this server: create the login first (createuser --pwprompt \(role))"
        }
    }
}
