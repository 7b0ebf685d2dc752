import GRDB
import PsyScreen

/// A database problem, with the file it concerns and, for SQLite errors, SQLite's own message.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var message: LocalizedText
    /// What SQLite saw when the file is damaged (a malformed page, or not a database at all).
    package var damage: LocalizedText?
    /// The file may not be written by this user (a read-only file or folder).
    package var isReadOnly = false
    /// Another connection held the database longer than this one waited: nothing is wrong, try again.
    package var isBusy = false

    package init(path: String, _ message: StoreMessage) {
        self.path = path
        self.message = message.localized
    }

    init(path: String, _ error: any Error) {
        self.path = path
        guard let error = error as? DatabaseError else {
            self.message =
                StoreMessage.other((error as? any Message)?.localized ?? LocalizedText(libraryText: "\(error)")).localized
            return
        }
        let sqlite = SQLiteText(code: error.extendedResultCode.rawValue, message: error.message ?? "\(error.resultCode)")
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self = .damaged(path: path, detail: sqlite.message, text: sqlite.localized)
        case .SQLITE_FULL:
            self.message = StoreMessage.diskFull(sqlite).localized
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            self.message = StoreMessage.databaseError(sqlite).localized
            self.isReadOnly = error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_PERM
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.message = StoreMessage.databaseError(sqlite).localized
            self.isBusy = true
        default:
            self.message = StoreMessage.databaseError(sqlite).localized
        }
    }

    /// A damaged file: what SQLite saw, and what to do.
    /// - Parameter text: `detail` as a reader sees it (SQLite's own finding stays as it is).
    static func damaged(path: String, detail: String, text: LocalizedText? = nil) -> StoreError {
        let damage = text ?? LocalizedText(libraryText: detail)
        var error = StoreError(path: path, .damaged(damage))
        error.damage = damage
        return error
    }

    /// `PATH: error: MESSAGE` in `language`.
    package func text(in language: Language) -> String {
        "\(path): \(CommonMessage.severity(.error).text(in: language))\(message.text(in: language))"
    }

    package var description: String { text(in: .english) }
}
