/// A copy of a short text at a fixed address for as long as the value lives, so that a prepared statement can
/// bind it without SQLite copying it for every row (`SQLITE_STATIC`).
///
/// Safe to use: the bytes live exactly as long as the value and are never written after `init`.
package final class StableText {
    /// The UTF-8 bytes (not NUL-terminated: pass ``count`` with them).
    package let pointer: UnsafeMutablePointer<CChar>
    package let count: Int32

    package init(_ text: String) {
        let bytes = Array(text.utf8)
        pointer = .allocate(capacity: max(bytes.count, 1))
        for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
        count = Int32(bytes.count)
    }

    deinit { pointer.deallocate() }
}
