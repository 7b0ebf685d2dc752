import GRDB
import PsyScreen

/// A database problem, with the file it concerns and, for SQLite errors, SQLite's own message.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    init(path: String, _ error: any Error) {
        self.path = path
        if let error = error as? DatabaseError {
            self.message = "database error: \(error.message ?? "\(error.resultCode)")"
        } else {
            self.message = "\(error)"
        }
    }

    public var description: String { "\(path): error: \(message)" }
}
