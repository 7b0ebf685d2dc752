import PostgresNIO

/// A problem with a PostgreSQL database: where (the URL without its password) and what, in words a counselor or
/// the server's administrator can act on, with the server's SQLSTATE when the server said it.
package struct PostgresFailure: Error, Sendable, CustomStringConvertible {
    /// ``PostgresLocation/displayName``, or the URL as given (password removed) when it could not be read.
    package var location: String
    package var message: String
    /// The server's error code (`42501` insufficient privilege, `40001` serialization failure, …).
    package var sqlState: String?

    package init(location: String, message: String, sqlState: String? = nil) {
        self.location = location
        self.message = message
        self.sqlState = sqlState
    }

    init(url: String, message: String) {
        self.init(location: PostgresLocation.redacted(url), message: message)
    }

    /// The role may not do this (grants, row-level security or a refused function).
    package var isPermissionDenied: Bool { sqlState == "42501" }

    /// Another connection held what this one needed longer than `lock_timeout`, or a concurrent transaction won
    /// (serialization failure, deadlock): nothing is wrong, the same work tried again succeeds.
    package var isBusy: Bool { ["55P03", "40001", "40P01"].contains(sqlState ?? "") }

    package var description: String { "\(location): error: \(message)" }
}


extension PostgresFailure {
    /// What went wrong, from postgres-nio's error, in words that say what to do.
    init(_ error: any Error, location: PostgresLocation, connecting: Bool = false, sentPassword: Bool = true) {
        let place = location.displayName
        guard let error = error as? PSQLError else {
            self.init(location: place, message: "\(error)")
            return
        }
        switch error.code {
        case .server:
            let info = error.serverInfo
            let state = info?[.sqlState]
            var message = info?[.message] ?? "the server refused"
            if let detail = info?[.detail] { message += " (\(detail))" }
            switch state {
            case "42501":
                message += ": the database role '\(location.user)' may not do this"
            case "28P01", "28000":
                message += sentPassword ? "; check PGPASSWORD or the password file (~/.pgpass)" : ""
            case "3D000":
                message += ": the server's administrator creates it (createdb), then `psyscreen db init`"
            case "53300":
                message += ": raise max_connections on the server (each lab terminal holds one connection)"
            default:
                if let hint = info?[.hint] { message += " (\(hint))" }
            }
            self.init(location: place, message: message, sqlState: state)
        case .authMechanismRequiresPassword:
            self.init(
                location: place,
                message: "the server asks for a password for user '\(location.user)': set PGPASSWORD, or add a line for this server to ~/.pgpass (mode 0600)")
        case .sslUnsupported:
            self.init(
                location: place,
                message: "the server does not accept TLS connections, and sslmode=\(location.sslMode.rawValue) needs one")
        case .failedToAddSSLHandler:
            self.init(location: place, message: "TLS failed: \(error.underlying.map { "\($0)" } ?? "unknown reason")")
        case .connectionError:
            let reason = error.underlying.map { "\($0)" } ?? "unknown reason"
            if reason.contains("certificate") || reason.contains("SSL") || reason.contains("handshake") {
                self.init(location: place, message: "TLS failed: the server's certificate was not accepted (\(reason))")
            } else {
                self.init(
                    location: place,
                    message: "cannot connect to the server (\(reason)): is PostgreSQL running there and accepting connections?")
            }
        case .serverClosedConnection, .clientClosedConnection:
            self.init(location: place, message: connecting ? "the server closed the connection while connecting" : "the connection to the server was lost")
        default:
            self.init(location: place, message: "database error: \(String(reflecting: error))")
        }
    }
}
