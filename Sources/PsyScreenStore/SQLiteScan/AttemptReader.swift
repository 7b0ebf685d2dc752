import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

/// Reads stored attempts as ``ScreeningAttempt`` values, with their results and answers: one at a time through a
/// prepared statement reused for every attempt, from the columns of a listing's own statement (``RosterScan``), or
/// from rows copied aside (``AttemptBatch``); texts that repeat (ids, levels, statuses, bands) are kept from one
/// attempt to the next.
struct AttemptReader {
    /// The statement of ``read(_:)`` (nil for a reader of rows only).
    private let attempt: Statement?
    /// Per text column read: the attempt's at 1–11 (whatever the column's place in a statement).
    private var texts = (0..<12).map { _ in InternedText() }
    /// The texts of the results column that repeat (ids, versions, flags, validity).
    private var names = KnownTexts()
    private var dates: (text: [UInt8], date: Date)?
    private var reasonLists = SplitTexts(separator: "; ", WarningReason.init(code:))
    private let sources = StoredValues([AttemptSource.paper, .terminal], column: "attempt.source")
    private let states = StoredValues([AttemptState.inProgress, .finished, .refused], column: "attempt.state")
    private let levels = StoredValues(WarningLevel.allCases, column: "attempt.level")
    private var scales = ScaleColumn.Decoder()

    init(_ db: Database) throws {
        attempt = try db.cachedStatement(sql: "SELECT \(Self.headColumns) FROM attempt a WHERE a.id = ?")
    }

    /// A reader of rows other statements read (``head(_:at:)``), with no statement of its own: it holds nothing of
    /// the connection, so it may read copied rows on another thread (``AttemptBatch``).
    init() { attempt = nil }

    /// The attempt columns ``head(_:at:)`` reads, in its order.
    static let headColumns =
        "a.id, a.wave_id, a.student_id, a.battery_id, a.battery_version, a.source, a.state, a.started_at, a.finished_at, a.level, a.reasons, a.validity, a.results"
    static let headColumnCount = 13

    /// The attempt with this id, or nil.
    mutating func read(_ id: Int64) throws -> ScreeningAttempt? {
        guard let attempt else { preconditionFailure("a reader of rows only has no statement") }
        try attempt.setArguments([id])
        var found: ScreeningAttempt?
        try SQLiteColumn.forEachRow(attempt) { row in found = try head(row, at: 0) }
        return found
    }

    /// The attempt whose ``headColumns`` the current row holds from column `base` on, with its results and answers.
    mutating func head(_ row: OpaquePointer, at base: Int32) throws -> ScreeningAttempt {
        try head(StatementRow(row), at: base)
    }

    /// The attempt whose ``headColumns`` `row` holds from column `base` on.
    mutating func head<Row: AttemptColumns>(_ row: Row, at base: Int32) throws -> ScreeningAttempt {
        var attempt = ScreeningAttempt(
            id: row.int64(base), wave: texts[1].read(row.text(base + 1)),
            studentID: row.text(base + 2).map { String(decoding: $0, as: UTF8.self) } ?? "",
            batteryID: texts[3].read(row.text(base + 3)), batteryVersion: texts[4].read(row.text(base + 4)),
            source: try sources.decode(row.text(base + 5)), state: try states.decode(row.text(base + 6)),
            startedAt: try date(row.text(base + 7)) ?? Date(timeIntervalSince1970: 0), finishedAt: try date(row.text(base + 8)),
            answers: [:],
            results: [],
            assessment: WarningAssessment(
                level: try levels.decode(row.text(base + 9)),
                reasons: reasonLists.split(texts[10].read(row.text(base + 10)), id: texts[10].id)),
            validity: ValidityColumn.findings(texts[11].read(row.text(base + 11))))
        try readResults(row.text(base + 12) ?? UnsafeBufferPointer(start: nil, count: 0), into: &attempt)
        return attempt
    }

    /// The results column (``ResultColumn``) read in place: ids, versions, flags and scale texts that repeat from
    /// one attempt to the next are kept.
    private mutating func readResults(_ bytes: UnsafeBufferPointer<UInt8>, into attempt: inout ScreeningAttempt) throws {
        var scratch: [UInt8] = []
        var results: [InstrumentResult] = []
        var answers: [String: [Int?]] = [:]
        try ResultColumn.forEachLine(bytes) { line throws(StoredValue) in
            guard let id = names.text(line.field(0), scratch: &scratch),
                let version = names.text(line.field(1), scratch: &scratch),
                let status = ScaleColumn.status(line.field(2)),
                let flags = names.list(line.field(3), scratch: &scratch),
                let validity = names.text(line.field(5), scratch: &scratch),
                let scaleScores = try ResultColumn.withUnescaped(
                    line.field(7), scratch: &scratch,
                    { field throws(StoredValue) in
                        try scales.scales(field)
                    })
            else { throw StoredValue(column: "attempt.results", text: String(decoding: bytes, as: UTF8.self)) }
            results.append(
                InstrumentResult(
                    instrumentID: id, instrumentVersion: version, scales: scaleScores,
                    flags: flags, hasCrisis: line.crisis,
                    validity: ValidityColumn.findings(validity), status: status))
            let field = line.field(6)
            answers[id] = field.isEmpty ? [] : Self.answers(field.baseAddress!, field.count)
        }
        attempt.results = results
        attempt.answers = answers
    }

    /// An answers text (``AnswerColumn``) read in place: one array, no String.
    private static func answers(_ text: UnsafePointer<UInt8>, _ count: Int) -> [Int?] {
        var slots = 1
        for offset in 0..<count where text[offset] == UInt8(ascii: ",") { slots += 1 }
        var values = [Int?](repeating: nil, count: slots)
        AnswerScan.forEachValue(text, count: count) { position, value in values[position] = value }
        return values
    }

    /// A stored date (GRDB's text form); the last one is kept, as a paper import's attempts share one time.
    private mutating func date(_ column: UnsafeBufferPointer<UInt8>?) throws -> Date? {
        guard let column else { return nil }
        if let dates, dates.text.elementsEqual(column) { return dates.date }
        let bytes = Array(column)
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

/// Field texts of the results column, unescaped, kept while they repeat from one attempt to the next.
private struct KnownTexts {
    private var known: [(bytes: [UInt8], text: String)] = []
    /// Flag lists (`;`-separated), split once.
    private var lists: [(bytes: [UInt8], parts: [String])] = []

    /// The text of `bytes` with its escapes undone (nil for an escape the column does not write).
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> String? {
        if bytes.isEmpty { return "" }
        if let hit = known.first(where: { $0.bytes.elementsEqual(bytes) }) { return hit.text }
        guard let text = ResultColumn.withUnescaped(bytes, scratch: &scratch, { String(decoding: $0, as: UTF8.self) }) else {
            return nil
        }
        if known.count < 64 { known.append((Array(bytes), text)) }
        return text
    }

    /// The `;`-separated list in `bytes`, its escapes undone (nil for an escape the column does not write).
    mutating func list(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> [String]? {
        if bytes.isEmpty { return [] }
        if let hit = lists.first(where: { $0.bytes.elementsEqual(bytes) }) { return hit.parts }
        guard let text = text(bytes, scratch: &scratch) else { return nil }
        let parts = text.components(separatedBy: ";")
        if lists.count < 64 { lists.append((Array(bytes), parts)) }
        return parts
    }
}
