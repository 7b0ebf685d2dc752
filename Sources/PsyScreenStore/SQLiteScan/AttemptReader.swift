import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

/// Reads stored attempts one at a time as ``ScreeningAttempt`` values, with their results and answers: two
/// prepared statements reused for every attempt, texts that repeat (ids, levels, statuses, bands) kept from one
/// attempt to the next. What a listing of a district's students calls once per student.
struct AttemptReader {
    private let attempt: Statement
    private let results: Statement
    /// Per column of each statement (the results' columns from 16 on).
    private var texts = (0..<32).map { _ in InternedText() }
    private var dates: (text: [UInt8], date: Date)?
    private var reasonLists = SplitTexts(separator: "; ", WarningReason.init(code:))
    private var flagLists = SplitTexts(separator: ";") { $0 }
    private let sources = StoredValues([AttemptSource.paper, .terminal], column: "attempt.source")
    private let states = StoredValues([AttemptState.inProgress, .finished, .refused], column: "attempt.state")
    private let levels = StoredValues(WarningLevel.allCases, column: "attempt.level")
    private let statuses = StoredValues([ScoringStatus.complete, .prorated, .unscored], column: "instrument_result.status")
    private let scaleStatuses = StoredValues([ScoringStatus.complete, .prorated, .unscored], column: "scale_score.status")

    init(_ db: Database) throws {
        attempt = try db.cachedStatement(sql: "SELECT \(Self.headColumns) FROM attempt a WHERE a.id = ?")
        // Results with their scale scores; the positions order them (in Swift: a sort of two rows per query would
        // cost SQLite a sorter).
        results = try db.cachedStatement(
            sql: """
                SELECT r.position, r.instrument_id, r.instrument_version, r.status, r.flags, r.crisis, r.validity, r.answers,
                       s.position, s.scale_id, s.score, s.band, s.answered, s.item_count, s.status
                FROM instrument_result r
                LEFT JOIN scale_score s ON s.attempt_id = r.attempt_id AND s.instrument_id = r.instrument_id
                WHERE r.attempt_id = ?
                """)
    }

    /// The attempt columns ``head(_:at:)`` reads, in its order.
    static let headColumns =
        "a.id, a.wave_id, a.student_id, a.battery_id, a.battery_version, a.source, a.state, a.started_at, a.finished_at, a.level, a.reasons, a.validity"

    /// The attempt with this id, or nil.
    mutating func read(_ id: Int64) throws -> ScreeningAttempt? {
        try attempt.setArguments([id])
        var found: ScreeningAttempt?
        try CohortExtraction.forEachRow(attempt) { row in found = try head(row, at: 0) }
        guard var attempt = found else { return nil }
        try readResults(into: &attempt)
        return attempt
    }

    /// The attempt whose ``headColumns`` the current row holds from column `base` on, without its results and
    /// answers (``complete(_:)`` adds them).
    mutating func head(_ row: OpaquePointer, at base: Int32) throws -> ScreeningAttempt {
        ScreeningAttempt(
            id: sqlite3_column_int64(row, base), wave: texts[1].read(row, base + 1), studentID: SQLiteColumn.text(row, base + 2),
            batteryID: texts[3].read(row, base + 3), batteryVersion: texts[4].read(row, base + 4),
            source: try sources.decode(row, base + 5), state: try states.decode(row, base + 6),
            startedAt: try date(row, base + 7) ?? Date(timeIntervalSince1970: 0), finishedAt: try date(row, base + 8),
            answers: [:],
            results: [],
            assessment: WarningAssessment(
                level: try levels.decode(row, base + 9), reasons: reasonLists.split(texts[10].read(row, base + 10))),
            validity: ValidityColumn.findings(texts[11].read(row, base + 11)))
    }

    /// Adds its results and answers to an attempt read by ``head(_:at:)``.
    mutating func complete(_ attempt: inout ScreeningAttempt) throws {
        try readResults(into: &attempt)
    }

    private mutating func readResults(into attempt: inout ScreeningAttempt) throws {
        try results.setArguments([attempt.id])
        var rows: [(position: Int, result: InstrumentResult)] = []
        var scales: [(instrument: Int, position: Int, score: ScaleScore)] = []
        try CohortExtraction.forEachRow(results) { row in
            let position = SQLiteColumn.int(row, 0)
            if !rows.contains(where: { $0.position == position }) {
                let instrumentID = texts[17].read(row, 1), flags = texts[20].read(row, 4)
                rows.append(
                    (
                        position,
                        InstrumentResult(
                            instrumentID: instrumentID, instrumentVersion: texts[18].read(row, 2), scales: [],
                            flags: flagLists.split(flags), hasCrisis: sqlite3_column_int64(row, 5) != 0,
                            validity: ValidityColumn.findings(texts[22].read(row, 6)), status: try statuses.decode(row, 3))
                    ))
                attempt.answers[instrumentID] = Self.answers(row, 7)
            }
            guard !SQLiteColumn.isNull(row, 8) else { return }
            scales.append(
                (
                    position, SQLiteColumn.int(row, 8),
                    ScaleScore(
                        scaleID: texts[25].read(row, 9), score: SQLiteColumn.optionalDouble(row, 10),
                        answered: SQLiteColumn.int(row, 12),
                        itemCount: SQLiteColumn.int(row, 13), status: try scaleStatuses.decode(row, 14),
                        bandID: SQLiteColumn.isNull(row, 11) ? nil : texts[27].read(row, 11))
                ))
        }
        rows.sort { $0.position < $1.position }
        scales.sort { ($0.instrument, $0.position) < ($1.instrument, $1.position) }
        attempt.results = rows.map { row in
            var result = row.result
            result.scales = scales.filter { $0.instrument == row.position }.map(\.score)
            return result
        }
    }

    /// The answers column (``AnswerColumn``) read in place: one array, no String.
    private static func answers(_ row: OpaquePointer, _ index: Int32) -> [Int?] {
        guard let text = sqlite3_column_text(row, index) else { return [] }
        let count = Int(sqlite3_column_bytes(row, index))
        guard count > 0 else { return [] }
        var slots = 1
        for offset in 0..<count where text[offset] == UInt8(ascii: ",") { slots += 1 }
        var values = [Int?](repeating: nil, count: slots)
        AnswerScan.forEachValue(text, count: count) { position, value in values[position] = value }
        return values
    }

    /// A stored date (GRDB's text form); the last one is kept, as a paper import's attempts share one time.
    private mutating func date(_ row: OpaquePointer, _ index: Int32) throws -> Date? {
        guard let pointer = sqlite3_column_text(row, index) else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(row, index))))
        if let dates, dates.text == bytes { return dates.date }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let date = Date.fromDatabaseValue(text.databaseValue) else {
            throw StoredValue(column: "attempt date", text: text)
        }
        dates = (bytes, date)
        return date
    }
}

/// Lists stored as one text (reasons joined by "; ", flags by ";"), split once per distinct text: they repeat
/// from attempt to attempt.
private struct SplitTexts<Element> {
    let separator: String
    let element: (String) -> Element
    private var known: [String: [Element]] = [:]

    init(separator: String, _ element: @escaping (String) -> Element) {
        self.separator = separator
        self.element = element
    }

    mutating func split(_ text: String) -> [Element] {
        guard !text.isEmpty else { return [] }
        if let parts = known[text] { return parts }
        let parts = text.components(separatedBy: separator).map(element)
        if known.count < 4096 { known[text] = parts }
        return parts
    }
}
