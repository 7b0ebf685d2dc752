import Foundation
import GRDBSQLite

/// A few short byte strings (instrument, scale or band ids) to recognise in a text column without making a String.
struct ByteKeys {
    private let bytes: [UInt8]
    private let starts: [Int]

    init(_ keys: [[UInt8]]) {
        var bytes: [UInt8] = []
        var starts = [0]
        for key in keys {
            bytes += key
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// The index of the key equal to text column `column`, or −1.
    func index(_ row: OpaquePointer, _ column: Int32) -> Int {
        guard let text = sqlite3_column_text(row, column) else { return -1 }
        let count = Int(sqlite3_column_bytes(row, column))
        return bytes.withUnsafeBufferPointer { buffer in
            for key in 0..<(starts.count - 1) where starts[key + 1] - starts[key] == count {
                if count == 0 || memcmp(text, buffer.baseAddress! + starts[key], count) == 0 { return key }
            }
            return -1
        }
    }
}

/// Text of one column across rows, reusing the previous String when the bytes repeat (roster rows come grouped
/// by school and class, so most rows repeat the last value).
struct InternedText {
    private var bytes: [UInt8] = []
    private var text = ""

    mutating func read(_ row: OpaquePointer, _ index: Int32) -> String {
        var changed = false
        return read(row, index, changed: &changed)
    }

    /// Sets `changed` when the value differs from the previous row's.
    mutating func read(_ row: OpaquePointer, _ index: Int32, changed: inout Bool) -> String {
        guard let pointer = sqlite3_column_text(row, index) else {
            if !bytes.isEmpty { changed = true }
            bytes = []
            text = ""
            return ""
        }
        let count = Int(sqlite3_column_bytes(row, index))
        if count == bytes.count, count == 0 || bytes.withUnsafeBufferPointer({ memcmp(pointer, $0.baseAddress!, count) == 0 }) {
            return text
        }
        bytes = Array(UnsafeBufferPointer(start: pointer, count: count))
        text = String(decoding: bytes, as: UTF8.self)
        changed = true
        return text
    }
}
