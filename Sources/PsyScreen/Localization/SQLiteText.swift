/// What SQLite said about an error: its English message, and ours in Chinese for the result codes a school meets
/// (a damaged or full disk, a file that is not a database, a read-only or busy file).
package struct SQLiteText: Message, Hashable {
    /// SQLite's (extended) result code.
    package var code: Int32
    package var message: String

    package init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    package var english: String { message }
}
