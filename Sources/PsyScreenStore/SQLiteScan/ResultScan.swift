import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

/// Reads the instrument results of every attempt in an id range (``ResultColumn``) — scale scores and bands, and
/// the compact answers (``AnswerColumn``) — into flat arrays (attempt offset × column, attempt offset × item
/// slot), on its own read-only connection, beside the roster scan. One pass over the rows for both, which also
/// keeps the wave's visible attempts for counting (``WaveAttempts``).
final class ResultScan: @unchecked Sendable {
    // Written by `run` on one thread, read after the caller waited for it.
    let path: String
    let range: (first: Int64, last: Int64)?
    let columns: [CohortColumn]
    let instruments: [[UInt8]]
    let offsets: [Int]
    let widths: [Int]
    /// Item slots per attempt.
    let stride: Int
    /// Whether answers are read (some column has alpha items).
    let readsAnswers: Bool
    private var scanned = false
    /// Scaled score (`Int32.min` = none) and band index (−1 = none).
    private(set) var scores: [Int32] = []
    private(set) var bands: [Int8] = []
    private(set) var values = AnswerSlots(count: 0)
    private var attempts: WaveAttempts
    var failure: (any Error)?

    init(
        path: String, range: (first: Int64, last: Int64)?, wave: String, staging: Set<Int64>, columns: [CohortColumn],
        instruments: [[UInt8]], widths: [Int], readsAnswers: Bool
    ) {
        self.path = path
        attempts = WaveAttempts(wave: wave, staging: staging, first: range?.first ?? 0)
        self.range = range
        self.columns = columns
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
        self.readsAnswers = readsAnswers && next > 0
    }

    /// The wave's attempts kept by ``run()``, handed over once (their memory goes with them).
    func takeAttempts() -> WaveAttempts {
        var taken = WaveAttempts(wave: "", staging: [], first: 0)
        swap(&taken, &attempts)
        return taken
    }

    /// Whether the attempt's results were read here.
    func contains(_ attempt: Int64) -> Bool {
        guard let range else { return false }
        return attempt >= range.first && attempt <= range.last && scanned
    }

    /// Where the attempt's first column is in ``scores`` and ``bands`` (an attempt of ``contains(_:)``).
    func scoreSlot(of attempt: Int64) -> Int { Int(attempt - range!.first) * columns.count }

    /// Where the attempt's first item slot is in ``values``, or nil when answers were not read.
    func answerSlot(of attempt: Int64) -> Int? { readsAnswers ? Int(attempt - range!.first) * stride : nil }

    func run() {
        guard let range else { return }
        do {
            let queue = try SideConnection.open(path, mapped: true)
            let attempts = Int(range.last - range.first + 1)
            let columnCount = columns.count, first = range.first
            var scores = [Int32](repeating: Int32.min, count: attempts * columnCount)
            var bands = [Int8](repeating: -1, count: attempts * columnCount)
            let readsAnswers = self.readsAnswers
            var values = AnswerSlots(count: readsAnswers ? attempts * stride : 0)
            var heads = self.attempts
            heads.reserveCapacity(attempts)
            // Locals: this loop runs once per instrument of every sitting.
            let widths = self.widths, offsets = self.offsets, stride = self.stride
            // Instrument ids as the results column writes them (ResultColumn), compared in place.
            let answerKeys = ByteKeys(instruments.map { ResultColumn.escaped(String(decoding: $0, as: UTF8.self)) })
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
            try queue.read { db in
                let statement = try db.makeStatement(
                    sql: "SELECT id, results, \(WaveAttempts.columns) FROM attempt WHERE id BETWEEN ? AND ?")
                try statement.setArguments([range.first, range.last])
                var scratch: [UInt8] = []
                try SQLiteColumn.forEachRow(statement) { row in
                    heads.add(row, at: 2)
                    guard columnCount > 0 else { return }
                    let offset = Int(sqlite3_column_int64(row, 0) - first)
                    let text = UnsafeBufferPointer(start: sqlite3_column_text(row, 1), count: Int(sqlite3_column_bytes(row, 1)))
                    try ResultColumn.forEachLine(text) { line throws(StoredValue) in
                        let instrument = instrumentKeys.index(line.field(0))
                        if instrument >= 0 {
                            let base = offset * columnCount
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
                        guard readsAnswers else { return }
                        let answered = answerKeys.index(line.field(0))
                        guard answered >= 0 else { return }
                        // Answers have nothing escaped (digits, commas and minus signs).
                        let answers = line.field(6)
                        guard let start = answers.baseAddress, !answers.isEmpty else { return }
                        let base = offset * stride + offsets[answered], width = widths[answered]
                        AnswerScan.forEachValue(start, count: answers.count) { position, value in
                            if position < width { values.set(value, at: base + position) }
                        }
                    }
                }
            }
            self.scores = scores
            self.bands = bands
            self.values = values
            self.attempts = heads
            scanned = true
        } catch {
            failure = error
        }
    }
}
