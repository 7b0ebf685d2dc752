import Foundation
import GRDBSQLite

/// Text of one column across rows, reusing the previous String when the bytes repeat (roster rows come grouped
/// by school and class, so most rows repeat the last value), and numbering the distinct values: ``id`` is the
/// same for equal text, so that callers can key on integers instead of hashing strings.
struct InternedText {
    private struct Value {
        var bytes: [UInt8]
        var text: String
        var id: Int
    }

    private var current = Value(bytes: [], text: "", id: -1)
    /// The last few distinct values, so that a column alternating between a few (gender) costs no allocation.
    private var recent: [Value] = []
    private var ids: [[UInt8]: Int] = [:]

    /// The number of the current value among the distinct values read so far (0, 1, 2… by first appearance).
    var id: Int { current.id }

    mutating func read(_ row: OpaquePointer, _ index: Int32) -> String {
        var changed = false
        return read(row, index, changed: &changed)
    }

    /// The current value's bytes (as the column held them; empty for NULL).
    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try current.bytes.withUnsafeBufferPointer(body)
    }

    /// Sets `changed` when the value differs from the previous row's.
    mutating func read(_ row: OpaquePointer, _ index: Int32, changed: inout Bool) -> String {
        let pointer = sqlite3_column_text(row, index)
        let count = pointer == nil ? 0 : Int(sqlite3_column_bytes(row, index))
        return read(pointer, count, changed: &changed)
    }

    /// The text of `bytes` (nil: NULL, read as empty).
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>?) -> String {
        var changed = false
        return read(bytes?.baseAddress, bytes?.count ?? 0, changed: &changed)
    }

    private mutating func read(_ pointer: UnsafePointer<UInt8>?, _ count: Int, changed: inout Bool) -> String {
        if current.id >= 0 && Self.equal(current.bytes, pointer, count) { return current.text }
        changed = true
        if let hit = recent.firstIndex(where: { Self.equal($0.bytes, pointer, count) }) {
            swap(&current, &recent[hit])
            return current.text
        }
        let bytes = pointer.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        let id = ids[bytes] ?? ids.count
        ids[bytes] = id
        if current.id >= 0 {
            if recent.count < 4 { recent.append(current) } else { recent[id % 4] = current }
        }
        current = Value(bytes: bytes, text: String(decoding: bytes, as: UTF8.self), id: id)
        return current.text
    }

    private static func equal(_ bytes: [UInt8], _ pointer: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
        guard bytes.count == count else { return false }
        guard count > 0, let pointer else { return true }
        return bytes.withUnsafeBufferPointer { memcmp(pointer, $0.baseAddress!, count) == 0 }
    }
}
