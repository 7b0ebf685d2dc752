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
        return index(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(row, column))))
    }

    /// The index of the key equal to `text`, or −1.
    func index(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let count = text.count
        return bytes.withUnsafeBufferPointer { buffer in
            for key in 0..<(starts.count - 1) where starts[key + 1] - starts[key] == count {
                if count == 0 || memcmp(text.baseAddress!, buffer.baseAddress! + starts[key], count) == 0 { return key }
            }
            return -1
        }
    }
}
