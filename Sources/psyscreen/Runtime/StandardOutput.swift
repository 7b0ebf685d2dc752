import PsyScreen
import PsyScreenStore

/// What a command prints on standard output: every byte written or a ``FileError`` (a full disk, `/dev/full`, a
/// closed pipe), so that a failed write never exits 0.
enum StandardOutput {
    static func write(_ text: String) throws {
        try SQLiteStore.verifyOpenDatabases()
        // "-" names standard output in errors (in the reader's language).
        let writer = ByteWriter(fileDescriptor: 1, name: "-", capacity: max(64, min(text.utf8.count, 1 << 20)))
        try writer.write(text)
        try writer.flush()
    }

    /// `text` and a newline.
    static func line(_ text: String) throws { try write(text + "\n") }
}
