import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

/// Reads the answers of every attempt in an id range into a flat array (attempt offset × item slot), on its own
/// read-only connection, from the compact copy in each attempt's results (``ResultColumn``, ``AnswerColumn``).
final class AnswerScan: @unchecked Sendable {
    // Written by `run` on one thread, read after the caller waited for it.
    let path: String
    let range: (first: Int64, last: Int64)?
    let instruments: [[UInt8]]
    let offsets: [Int]
    let widths: [Int]
    let stride: Int
    let needed: Bool
    private var scanned = false
    var values = AnswerSlots(count: 0)
    var failure: (any Error)?

    init(path: String, range: (first: Int64, last: Int64)?, instruments: [[UInt8]], widths: [Int], needed: Bool) {
        self.path = path
        self.range = range
        self.instruments = instruments
        self.widths = widths
        var offsets: [Int] = []
        var next = 0
        for width in widths {
            offsets.append(next)
            next += width
        }
        self.offsets = offsets
        self.stride = next
        self.needed = needed
    }

    func contains(_ attempt: Int64) -> Bool {
        guard let range else { return false }
        return attempt >= range.first && attempt <= range.last && scanned
    }

    /// Where the attempt's first item slot is in ``values``.
    func slot(of attempt: Int64) -> Int { Int(attempt - range!.first) * stride }

    func run() {
        guard needed, let range, stride > 0 else { return }
        do {
            let queue = try SideConnection.open(path, mapped: true)
            let count = Int(range.last - range.first + 1)
            var values = AnswerSlots(count: count * stride)
            // Locals: this loop runs once per instrument of every sitting.
            let keys = ByteKeys(instruments.map { ResultColumn.escaped(String(decoding: $0, as: UTF8.self)) })
            let widths = self.widths, offsets = self.offsets, stride = self.stride, first = range.first
            try queue.read { db in
                let statement = try db.makeStatement(sql: "SELECT id, results FROM attempt WHERE id BETWEEN ? AND ?")
                try statement.setArguments([range.first, range.last])
                try CohortExtraction.forEachRow(statement) { row in
                    let attempt = Int(sqlite3_column_int64(row, 0) - first) * stride
                    let text = UnsafeBufferPointer(start: sqlite3_column_text(row, 1), count: Int(sqlite3_column_bytes(row, 1)))
                    try ResultColumn.forEachLine(text) { line in
                        let instrument = keys.index(line.field(0))
                        guard instrument >= 0 else { return }
                        // Answers have nothing escaped (digits, commas and minus signs).
                        let answers = line.field(6)
                        guard let start = answers.baseAddress, !answers.isEmpty else { return }
                        let base = attempt + offsets[instrument], width = widths[instrument]
                        Self.forEachValue(start, count: answers.count) { position, value in
                            if position < width { values.set(value, at: base + position) }
                        }
                    }
                }
            }
            self.values = values
            scanned = true
        } catch {
            failure = error
        }
    }

    /// Calls `body(position, value)` for every answered position of `text` (`count` bytes), without allocating.
    @inline(__always)
    static func forEachValue(_ text: UnsafePointer<UInt8>, count: Int, _ body: (Int, Int) -> Void) {
        var position = 0
        var value = 0
        var digits = 0
        var negative = false
        var index = 0
        while index <= count {
            let byte: UInt8 = index < count ? text[index] : UInt8(ascii: ",")
            index += 1
            switch byte {
            case UInt8(ascii: ","):
                if digits > 0 { body(position, negative ? -value : value) }
                position += 1
                value = 0
                digits = 0
                negative = false
            case UInt8(ascii: "-"):
                negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = value &* 10 &+ Int(byte &- UInt8(ascii: "0"))
                digits += 1
            default:
                break
            }
        }
    }
}
