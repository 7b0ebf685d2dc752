import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

/// Reads stored attempts as ``ScreeningAttempt`` values, with their results and answers: one at a time through a
/// prepared statement reused for every attempt, or from the columns of a listing's own statement
/// (``RosterScan``); texts that repeat (ids, levels, statuses, bands) are kept from one attempt to the next.
struct AttemptReader {
    private let attempt: Statement
    /// Per text column read: the attempt's at 1–11, the results' at 17–27 (whatever the column's place in a statement).
    private var texts = (0..<32).map { _ in InternedText() }
    private var dates: (text: [UInt8], date: Date)?
    private var reasonLists = SplitTexts(separator: "; ", WarningReason.init(code:))
    private var flagLists = SplitTexts(separator: ";") { $0 }
    private let sources = StoredValues([AttemptSource.paper, .terminal], column: "attempt.source")
    private let states = StoredValues([AttemptState.inProgress, .finished, .refused], column: "attempt.state")
    private let levels = StoredValues(WarningLevel.allCases, column: "attempt.level")
    private let statuses = StoredValues([ScoringStatus.complete, .prorated, .unscored], column: "instrument_result.status")
    private var scales = ScaleColumn.Decoder()

    init(_ db: Database) throws {
        attempt = try db.cachedStatement(
            sql: """
                SELECT \(Self.headColumns), \(Self.resultColumns)
                FROM attempt a LEFT JOIN instrument_result r ON r.attempt_id = a.id
                WHERE a.id = ?
                """)
    }

    /// An attempt's results with their scale scores, a row per result (``resultColumns``), for
    /// ``addResult(_:at:to:answers:)``. The positions order them (in Swift: a sort of two rows per attempt would
    /// cost SQLite a sorter).
    static let resultColumns =
        "r.position, r.instrument_id, r.instrument_version, r.status, r.flags, r.crisis, r.validity, r.answers, r.scales"

    /// The attempt columns ``head(_:at:)`` reads, in its order.
    static let headColumns =
        "a.id, a.wave_id, a.student_id, a.battery_id, a.battery_version, a.source, a.state, a.started_at, a.finished_at, a.level, a.reasons, a.validity"
    static let headColumnCount = 12

    /// The attempt with this id, or nil: one statement, a row per result.
    mutating func read(_ id: Int64) throws -> ScreeningAttempt? {
        try attempt.setArguments([id])
        var found: ScreeningAttempt?
        var results = Results()
        try CohortExtraction.forEachRow(attempt) { row in
            if found == nil { found = try head(row, at: 0) }
            guard !SQLiteColumn.isNull(row, Int32(Self.headColumnCount)) else { return }
            try addResult(row, at: Int32(Self.headColumnCount), to: &results, answers: &found!.answers)
        }
        found?.results = results.ordered()
        return found
    }

    /// The attempt whose ``headColumns`` the current row holds from column `base` on, without its results and
    /// answers (``addResult(_:at:to:answers:)`` adds them).
    mutating func head(_ row: OpaquePointer, at base: Int32) throws -> ScreeningAttempt {
        ScreeningAttempt(
            id: sqlite3_column_int64(row, base), wave: texts[1].read(row, base + 1), studentID: SQLiteColumn.text(row, base + 2),
            batteryID: texts[3].read(row, base + 3), batteryVersion: texts[4].read(row, base + 4),
            source: try sources.decode(row, base + 5), state: try states.decode(row, base + 6),
            startedAt: try date(row, base + 7) ?? Date(timeIntervalSince1970: 0), finishedAt: try date(row, base + 8),
            answers: [:],
            results: [],
            assessment: WarningAssessment(
                level: try levels.decode(row, base + 9),
                reasons: reasonLists.split(texts[10].read(row, base + 10), id: texts[10].id)),
            validity: ValidityColumn.findings(texts[11].read(row, base + 11)))
    }

    /// An attempt's results as their rows come (in any order).
    struct Results {
        fileprivate var rows: [(position: Int, result: InstrumentResult)] = []

        /// The results in position order.
        func ordered() -> [InstrumentResult] {
            (rows.count < 2 ? rows : rows.sorted { $0.position < $1.position }).map(\.result)
        }
    }

    /// Takes the ``resultColumns`` of the current row, from column `base` on, into `results`, and the result's
    /// answers into `answers`.
    mutating func addResult(
        _ row: OpaquePointer, at base: Int32, to results: inout Results, answers: inout [String: [Int?]]
    ) throws {
        let position = SQLiteColumn.int(row, base)
        guard !results.rows.contains(where: { $0.position == position }) else { return }
        let instrumentID = texts[17].read(row, base + 1), flags = texts[20].read(row, base + 4), flagsID = texts[20].id
        results.rows.append(
            (
                position,
                InstrumentResult(
                    instrumentID: instrumentID, instrumentVersion: texts[18].read(row, base + 2),
                    scales: try scales.scales(Self.bytes(row, base + 8)),
                    flags: flagLists.split(flags, id: flagsID), hasCrisis: sqlite3_column_int64(row, base + 5) != 0,
                    validity: ValidityColumn.findings(texts[22].read(row, base + 6)),
                    status: try statuses.decode(row, base + 3))
            ))
        answers[instrumentID] = Self.answers(row, base + 7)
    }

    /// A text column's bytes in place (valid until the row changes).
    private static func bytes(_ row: OpaquePointer, _ index: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: sqlite3_column_text(row, index), count: Int(sqlite3_column_bytes(row, index)))
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
/// from attempt to attempt. Texts are known by their number in their column (``InternedText/id``).
private struct SplitTexts<Element> {
    let separator: String
    let element: (String) -> Element
    private var known: [[Element]?] = []

    init(separator: String, _ element: @escaping (String) -> Element) {
        self.separator = separator
        self.element = element
    }

    mutating func split(_ text: String, id: Int) -> [Element] {
        guard !text.isEmpty else { return [] }
        if id < known.count, let parts = known[id] { return parts }
        let parts = text.components(separatedBy: separator).map(element)
        if id < 4096 {
            while known.count <= id { known.append(nil) }
            known[id] = parts
        }
        return parts
    }
}
