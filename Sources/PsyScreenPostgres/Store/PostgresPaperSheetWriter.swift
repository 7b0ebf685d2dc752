import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

/// The SQL side of ``PostgresPaperImportStaging``: writes chunks of scored sheets into the attempt and instrument
/// result tables of the import's open transaction, used on the import's writer queue only.
///
/// Each chunk draws its attempt ids from the sequence, then writes two statements whose rows travel as bound
/// arrays (`unnest`): the attempts, then their results — a second statement, because row-level security checks a
/// counselor's result against attempts its own statement cannot see yet. Each statement passes a counselor's rows through
/// row-level security and has its keys checked once (``PostgresKeyChecks``). What every sheet of the import
/// shares (wave, battery, import, time) is written by the statement, not sent per row.
final class PostgresPaperSheetWriter: @unchecked Sendable {
    // Used on one import's writer queue only, or by the caller after waiting for it.
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

    /// Stores `sheets` (uncommitted: the import's transaction commits them all at once).
    func write(_ sheets: [Sheet]) throws {
        guard !sheets.isEmpty else { return }
        var students: [String] = [], lines: [Int64] = [], levels: [String] = [], reasons: [String] = []
        var scored: [Bool] = [], validity: [String] = []
        for sheet in sheets {
            let outcome = sheet.outcome
            students.append(sheet.studentID)
            lines.append(Int64(sheet.line))
            levels.append(outcome.assessment.level.rawValue)
            reasons.append(outcome.assessment.reasons.map(\.code).joined(separator: "; "))
            scored.append(outcome.isScored)
            validity.append(ValidityColumn.text(outcome.validity))
        }
        let attempts = try drawIDs(sheets.count)
        try link.query(
            """
            INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state, started_at,
                finished_at, import_id, source_line, level, reasons, scored, validity)
            SELECT i, \(wave), s, \(battery.id), \(battery.version), 'paper', 'finished', \(now), \(now), \(importID), l, v, r,
                k, d
            FROM unnest(\(attempts)::bigint[], \(students)::text[], \(lines)::bigint[], \(levels)::text[],
                \(reasons)::text[], \(scored)::boolean[], \(validity)::text[]) AS u(i, s, l, v, r, k, d)
            """)
        var ids: [Int64] = [], instruments: [String] = [], versions: [String] = [], positions: [Int64] = []
        var statuses: [String] = [], flags: [String] = [], crisis: [Bool] = [], validities: [String] = []
        var answers: [String] = [], scales: [String] = []
        for (sheet, id) in zip(sheets, attempts) {
            self.attempts[sheet.number] = id
            for (position, result) in sheet.outcome.results.enumerated() {
                ids.append(id)
                instruments.append(result.instrumentID)
                versions.append(result.instrumentVersion)
                positions.append(Int64(position))
                statuses.append(result.status.rawValue)
                flags.append(result.flags.joined(separator: ";"))
                crisis.append(result.hasCrisis)
                validities.append(ValidityColumn.text(result.validity))
                answers.append(AnswerColumn.text(position < sheet.answers.count ? sheet.answers[position] : []))
                scales.append(ScaleColumn.text(result.scales))
            }
        }
        try link.query(
            """
            INSERT INTO instrument_result (attempt_id, instrument_id, instrument_version, position, status, flags, crisis,
                validity, answers, scales)
            SELECT * FROM unnest(\(ids)::bigint[], \(instruments)::text[], \(versions)::text[], \(positions)::bigint[],
                \(statuses)::text[], \(flags)::text[], \(crisis)::boolean[], \(validities)::text[], \(answers)::text[],
                \(scales)::text[])
            """)
    }

    /// `count` new attempt ids. The sequence is named by its number, written into the statement as a constant: by
    /// name, or bound and cast to `regclass`, it would be looked up again for every row.
    private func drawIDs(_ count: Int) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(count)
        try link.forEachRow(PostgresQuery(unsafeSQL: "SELECT nextval(\(sequence)::oid) FROM generate_series(1, \(count))")) {
            ids.append(try $0.decode(Int64.self))
        }
        return ids
    }
}
