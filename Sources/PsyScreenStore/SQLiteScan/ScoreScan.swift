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
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(60)
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 4294967296") }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let count = Int(range.last - range.first + 1) * columns.count
            var scores = [Int32](repeating: Int32.min, count: count)
            var bands = [Int8](repeating: -1, count: count)
            let instrumentKeys = ByteKeys(columns.map { Array($0.instrumentID.utf8) })
            let scaleKeys = ByteKeys(columns.map { Array($0.scaleID.utf8) })
            let bandKeys = columns.map { ByteKeys($0.bands.map { Array($0.id.utf8) }) }
            // The column of (instrument key, scale key): keys repeat across columns, so both are looked up.
            let columnOf: [[Int]] = columns.indices.map { i in
                columns.indices.map { j in
                    columns.firstIndex { $0.instrumentID == columns[i].instrumentID && $0.scaleID == columns[j].scaleID } ?? -1
                }
            }
            let power = columns.map { pow(10, Double($0.decimals)) }  // as CohortColumn.scaled
            let columnCount = columns.count, first = range.first
            try queue.read { db in
                let statement = try db.makeStatement(
                    sql: """
                        SELECT attempt_id, instrument_id, scale_id, score, band FROM scale_score
                        WHERE attempt_id BETWEEN ? AND ? AND score IS NOT NULL
                        """)
                try statement.setArguments([range.first, range.last])
                try CohortExtraction.forEachRow(statement) { row in
                    let instrument = instrumentKeys.index(row, 1), scale = scaleKeys.index(row, 2)
                    guard instrument >= 0, scale >= 0 else { return }
                    let column = columnOf[instrument][scale]
                    guard column >= 0 else { return }
                    let slot = Int(sqlite3_column_int64(row, 0) - first) * columnCount + column
                    scores[slot] = Int32((sqlite3_column_double(row, 3) * power[column]).rounded())
                    if sqlite3_column_type(row, 4) != SQLITE_NULL {
                        let band = bandKeys[column].index(row, 4)
                        if band >= 0 { bands[slot] = Int8(band) }
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
