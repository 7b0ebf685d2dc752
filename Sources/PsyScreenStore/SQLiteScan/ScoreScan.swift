import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

/// Reads the scale scores and bands of every attempt in an id range into flat arrays (attempt offset × column),
/// on its own read-only connection, beside the roster and answer scans.
final class ScoreScan: @unchecked Sendable {
    // Written by `run` on one thread, read after the caller waited for it.
    let path: String
    let range: (first: Int64, last: Int64)?
    let columns: [CohortColumn]
    /// Scaled score (`Int32.min` = none) and band index (−1 = none).
    var scores: [Int32] = []
    var bands: [Int8] = []
    var failure: (any Error)?

    init(path: String, range: (first: Int64, last: Int64)?, columns: [CohortColumn]) {
        self.path = path
        self.range = range
        self.columns = columns
    }

    /// Where the attempt's first column is in ``scores`` and ``bands``; −1 outside the range.
    func slot(of attempt: Int64) -> Int {
        guard let range, attempt >= range.first, attempt <= range.last, !scores.isEmpty else { return -1 }
        return Int(attempt - range.first) * columns.count
    }

    func run() {
        guard let range, !columns.isEmpty else { return }
        do {
            let queue = try SideConnection.open(path, mapped: true)
            let count = Int(range.last - range.first + 1) * columns.count
            var scores = [Int32](repeating: Int32.min, count: count)
            var bands = [Int8](repeating: -1, count: count)
            let instrumentKeys = ByteKeys(columns.map { ResultColumn.escaped($0.instrumentID) })
            // Scale and band ids as the scales column writes them (ScaleColumn), compared in place.
            let scaleKeys = ByteKeys(columns.map { ScaleColumn.escaped($0.scaleID) })
            let bandKeys = columns.map { ByteKeys($0.bands.map { ScaleColumn.escaped($0.id) }) }
            // The column of (instrument key, scale key): keys repeat across columns, so both are looked up.
            let columnOf: [[Int]] = columns.indices.map { i in
                columns.indices.map { j in
                    columns.firstIndex { $0.instrumentID == columns[i].instrumentID && $0.scaleID == columns[j].scaleID } ?? -1
                }
            }
            let power = columns.map { pow(10, Double($0.decimals)) }  // as CohortColumn.scaled
            let columnCount = columns.count, first = range.first
            try queue.read { db in
                let statement = try db.makeStatement(sql: "SELECT id, results FROM attempt WHERE id BETWEEN ? AND ?")
                try statement.setArguments([range.first, range.last])
                var scratch: [UInt8] = []
                try CohortExtraction.forEachRow(statement) { row in
                    let base = Int(sqlite3_column_int64(row, 0) - first) * columnCount
                    let text = UnsafeBufferPointer(start: sqlite3_column_text(row, 1), count: Int(sqlite3_column_bytes(row, 1)))
                    try ResultColumn.forEachLine(text) { line throws(StoredValue) in
                        let instrument = instrumentKeys.index(line.field(0))
                        guard instrument >= 0 else { return }
                        let read: Void? = try ResultColumn.withUnescaped(line.field(7), scratch: &scratch) {
                            scales throws(StoredValue) in
                            try ScaleColumn.forEachEntry(scales) { entry in
                                guard let score = entry.score else { return }
                                let scale = scaleKeys.index(entry.id)
                                guard scale >= 0 else { return }
                                let column = columnOf[instrument][scale]
                                guard column >= 0 else { return }
                                scores[base + column] = Int32((score * power[column]).rounded())
                                if let band = entry.band.map({ bandKeys[column].index($0) }), band >= 0 {
                                    bands[base + column] = Int8(band)
                                }
                            }
                        }
                        guard read != nil else {
                            throw StoredValue(column: "attempt.results", text: String(decoding: text, as: UTF8.self))
                        }
                    }
                }
            }
            self.scores = scores
            self.bands = bands
        } catch {
            failure = error
        }
    }
}
