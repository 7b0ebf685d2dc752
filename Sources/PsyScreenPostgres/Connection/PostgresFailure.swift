import PostgresNIO
import PsyScreen

/// A problem with a PostgreSQL database: where (the URL without its password) and what, in words a counselor or
/// the server's administrator can act on, with the server's SQLSTATE when the server said it.
package struct PostgresFailure: Error, Sendable, CustomStringConvertible {
    /// ``PostgresLocation/displayName``, or the URL as given (password removed) when it could not be read.
    package var location: String
    package var message: LocalizedText
    /// The server's error code (`42501` insufficient privilege, `40001` serialization failure, …).
    package var sqlState: String?

    package init(location: String, text: LocalizedText, sqlState: String? = nil) {
        self.location = location
        self.message = text
        self.sqlState = sqlState
    }

    package init(location: String, _ message: PostgresStoreMessage, sqlState: String? = nil) {
        self.init(location: location, text: message.localized, sqlState: sqlState)
    }

    /// What a library said (an error postgres-nio or NIO threw), as it said it.
    package init(location: String, libraryError error: any Error) {
        self.init(location: location, text: (error as? any Message)?.localized ?? LocalizedText(libraryText: "\(error)"))
    }

    init(url: String, _ message: PostgresStoreMessage) {
        self.init(location: PostgresLocation.redacted(url), message)
    }

    /// The role may not do this (grants, row-level security or a refused function).
    package var isPermissionDenied: Bool { sqlState == "42501" }

    /// Another connection held what this one needed longer than `lock_timeout`, or a concurrent transaction won
    /// (serialization failure, deadlock): nothing is wrong, the same work tried again succeeds.
    package var isBusy: Bool { ["55P03", "40001", "40P01"].contains(sqlState ?? "") }

    /// `LOCATION: error: MESSAGE` in `language`.
    package func text(in language: Language) -> String {
        "\(location): \(CommonMessage.severity(.error).text(in: language))\(message.text(in: language))"
    }

    package var description: String { text(in: .english) }
}

extension PostgresFailure {
    /// What went wrong, from postgres-nio's error, in words that say what to do.
    init(_ error: any Error, location: PostgresLocation, connecting: Bool = false, sentPassword: Bool = true) {
        let place = location.displayName
        guard let error = error as? PSQLError else {
            self.init(location: place, libraryError: error)
            return
        }
        switch error.code {
        case .server:
            let info = error.serverInfo
            let state = info?[.sqlState]
            let advice: PostgresStoreMessage.ServerAdvice =
                switch state {
                case "42501": .permission(role: location.user)
                case "28P01", "28000": sentPassword ? .checkPassword : .none
                case "3D000": .createDatabase
                case "53300": .maxConnections
                default: info?[.hint].map { .hint($0) } ?? .none
                }
            self.init(location: place, .serverRefused(info?[.message], detail: info?[.detail], advice), sqlState: state)
        case .authMechanismRequiresPassword:
            self.init(location: place, .passwordNeeded(user: location.user))
        case .sslUnsupported:
            self.init(location: place, .tlsUnsupported(sslMode: location.sslMode.rawValue))
        case .failedToAddSSLHandler:
            self.init(location: place, .tlsFailed(error.underlying.map { "\($0)" }))
        case .connectionError:
            let reason = error.underlying.map { "\($0)" }
            if let reason, reason.contains("certificate") || reason.contains("SSL") || reason.contains("handshake") {
                self.init(location: place, .certificateRejected(reason))
            } else {
                self.init(location: place, .cannotConnect(reason))
            }
        case .serverClosedConnection, .clientClosedConnection:
            self.init(location: place, connecting ? .closedWhileConnecting : .connectionLost)
        default:
            self.init(location: place, .databaseError(String(reflecting: error)))
        }
    }
}
