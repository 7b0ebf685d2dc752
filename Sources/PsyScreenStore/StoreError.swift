import GRDB
import PsyScreen

/// A database problem, with the file it concerns and, for SQLite errors, SQLite's own message.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var message: String

    package init(path: String, message: String) {
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

    package var description: String { "\(path): error: \(message)" }
}
