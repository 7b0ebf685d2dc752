import GRDB
import PsyScreen

/// A database problem, with the file it concerns and, for SQLite errors, SQLite's own message.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var message: String
    /// What SQLite saw when the file is damaged (a malformed page, or not a database at all).
    package var damage: String?
    /// The file may not be written by this user (a read-only file or folder).
    package var isReadOnly = false
    /// Another connection held the database longer than this one waited: nothing is wrong, try again.
    package var isBusy = false

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    init(path: String, _ error: any Error) {
        self.path = path
        guard let error = error as? DatabaseError else {
            self.message = "\(error)"
            return
        }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self = .damaged(path: path, detail: error.message ?? "\(error.resultCode)")
        case .SQLITE_FULL:
            self.message = "the disk is full: nothing of this command was stored (database error: \(error.message ?? "\(error.resultCode)"))"
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            self.message = "database error: \(error.message ?? "\(error.resultCode)")"
            self.isReadOnly = error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_PERM
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.message = "database error: \(error.message ?? "\(error.resultCode)")"
            self.isBusy = true
        default:
            self.message = "database error: \(error.message ?? "\(error.resultCode)")"
        }
    }

    /// A damaged file: what SQLite saw, and what to do.
    static func damaged(path: String, detail: String) -> StoreError {
        var error = StoreError(
            path: path,
            message: "the database file is damaged (SQLite: \(detail)); this command stopped and changed nothing. "
                + "Run `psyscreen db check`, then restore the latest backup (see the README: Backups)")
        error.damage = detail
        return error
    }

    package var description: String { "\(path): error: \(message)" }
}
