import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

/// The SQL side of ``PostgresPaperImportStaging``: writes chunks of scored sheets into the attempt and instrument
/// result tables of the import's open transaction, used on the import's writer queue only.
///
/// Each chunk draws its attempt ids from the sequence, then writes one statement whose rows travel as bound arrays
/// (`unnest`): the attempts with their results (``ResultColumn``). The statement passes a counselor's rows through
/// row-level security and has its keys checked once (``PostgresKeyChecks``). What every sheet of the import
/// shares (wave, battery, import, time) is written by the statement, not sent per row.
final class PostgresPaperSheetWriter: @unchecked Sendable {
    // `attempts` is written on one import's writer queue only, and read by the caller after waiting for it.
    /// One scored sheet of a student on the roster.
    struct Sheet {
        /// Its number in the import (``PaperImportStaging/add(studentID:line:answers:)``).
        var number: Int
        var studentID: String
        var line: Int
        /// Per instrument in battery order, each in item order.
        var answers: [[Int?]]
        var outcome: BatteryScorer.Outcome
    }

    private let link: PostgresLink
    let wave: String
    let battery: Battery
    let importID: Int64
    let now: Date
    /// The attempt of every sheet written, by sheet number.
    private(set) var attempts: [Int: Int64] = [:]

    /// The attempt table's sequence, by number.
    private let sequence: Int64

    init(link: PostgresLink, wave: String, battery: Battery, importID: Int64, now: Date, sequence: Int64) {
        self.link = link
        self.sequence = sequence
        self.wave = wave
        self.battery = battery
        self.importID = importID
        self.now = now
    }

    /// A chunk's rows, bound and ready to send but for their attempt ids (drawn when it is written).
    struct Chunk: @unchecked Sendable {
        // Made on the preparing queue, then used on the writer queue only.
        var numbers: [Int]
        /// The attempts' columns, `$1`…`$12` of ``attemptInsert``.
        var attempts: PostgresBindings
    }

    /// The attempts of a chunk; `$13` is their ids.
    private static let attemptInsert = """
        INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at, finished_at,
            import_id, source_line, level, reasons, scored, validity, results)
        SELECT i, $1, s, $2, $3, 'paper', 'finished', $4, $4, $5, l, v, r, k, d, x
        FROM unnest($13::bigint[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::boolean[], $11::text[], $12::text[])
            AS u(i, s, l, v, r, k, d, x)
        """

    /// Binds the rows of `sheets` (no database needed: runs beside the writer, which sends the previous chunk).
    func prepare(_ sheets: [Sheet]) -> Chunk {
        var students: [String] = [], lines: [Int64] = [], levels: [String] = [], reasons: [String] = []
        var scored: [Bool] = [], validity: [String] = [], results: [String] = []
        var bytes: [UInt8] = []
        for sheet in sheets {
            let outcome = sheet.outcome
            students.append(sheet.studentID)
            lines.append(Int64(sheet.line))
            levels.append(outcome.assessment.level.rawValue)
            reasons.append(outcome.assessment.reasons.map(\.code).joined(separator: "; "))
            scored.append(outcome.isScored)
            validity.append(ValidityColumn.text(outcome.validity))
            bytes.removeAll(keepingCapacity: true)
            ResultColumn.append(
                outcome.results, answers: { $0 < sheet.answers.count ? sheet.answers[$0] : [] }, to: &bytes)
            results.append(String(decoding: bytes, as: UTF8.self))
        }
        var attemptBinds = PostgresBindings()
        attemptBinds.append(wave, context: .default)
        attemptBinds.append(battery.id, context: .default)
        attemptBinds.append(battery.version, context: .default)
        attemptBinds.append(now, context: .default)
        attemptBinds.append(importID, context: .default)
        attemptBinds.append(students, context: .default)
        attemptBinds.append(lines, context: .default)
        attemptBinds.append(levels, context: .default)
        attemptBinds.append(reasons, context: .default)
        attemptBinds.append(scored, context: .default)
        attemptBinds.append(validity, context: .default)
        attemptBinds.append(results, context: .default)
        return Chunk(numbers: sheets.map(\.number), attempts: attemptBinds)
    }

    /// Stores a prepared chunk (uncommitted: the import's transaction commits them all at once).
    func write(_ chunk: Chunk) throws {
        guard !chunk.numbers.isEmpty else { return }
        let ids = try drawIDs(chunk.numbers.count)
        var attempts = chunk.attempts
        attempts.append(ids, context: .default)
        try link.query(PostgresQuery(unsafeSQL: Self.attemptInsert, binds: attempts))
        for (number, id) in zip(chunk.numbers, ids) { self.attempts[number] = id }
    }

    /// `count` new attempt ids. The sequence is named by its number, written into the statement as a constant: by
    /// name, or bound and cast to `regclass`, it would be looked up again for every row.
    private func drawIDs(_ count: Int) throws -> [Int64] {
        // One row holding them all: thousands of rows cost the client more to take apart than one array.
        let sql = "SELECT array_agg(nextval(\(sequence)::oid)) FROM generate_series(1, \(count))"
        return try link.query(PostgresQuery(unsafeSQL: sql))[0].decode([Int64].self)
    }

}
