import Foundation
import GRDB
import PsyScreen

/// Writes scored paper sheets as staged attempts of one import, in transactions that each hold the write lock for
/// at most ``transactionTarget``: the SQL side of ``SQLitePaperImportStaging``, used on its writer queue only.
///
/// A sheet's answers are stored once, in the `answers` column of its instrument results (``AnswerColumn``),
/// where every read finds them. The `answer` table holds what only a terminal sitting has, one row per item with
/// when it was answered and how long it took; a paper sheet has neither, and sixteen rows per sheet in that
/// table were three quarters of an import's time.
final class PaperSheetWriter: @unchecked Sendable {
    // Used on one import's writer queue only (see SQLitePaperImportStaging).
    /// One scored sheet.
    struct Sheet: Sendable {
        var studentID: String
        var line: Int
        var answers: [[Int?]]
        var outcome: BatteryScorer.Outcome
    }

    /// The longest a transaction holds the write lock: lab terminals waiting to save an answer get their turn in
    /// between.
    static let transactionTarget: TimeInterval = 0.05

    let store: SQLiteStore
    let wave: String
    let battery: Battery
    let importID: Int64
    let now: Date
    /// The attempt id of every sheet written, by sheet number (0: not stored, the student is not on the roster).
    private(set) var attemptIDs: [Int64] = []
    /// Lines of the sheets whose student is not on the roster, by sheet number.
    private(set) var strangerLines: [Int: Int] = [:]
    var summary = PaperImportSummary(alreadyImportedAt: nil, stored: 0, strangers: [], levels: [:])

    /// Names bound for every row.
    private let instrumentIDs: [StableText]
    /// Levels, statuses, bands, flags: few distinct texts, bound for every sheet.
    private let texts = TextCache()
    /// The multi-row insert of a sheet's results (``insertSQL(_:rows:columns:)``).
    private let resultsSQL: String

    init(store: SQLiteStore, wave: String, battery: Battery, importID: Int64, now: Date) {
        self.store = store
        self.wave = wave
        self.battery = battery
        self.importID = importID
        self.now = now
        instrumentIDs = battery.instruments.map { StableText($0.id) }
        resultsSQL = Self.insertSQL(
            """
            INSERT INTO instrument_result
                (attempt_id, instrument_id, instrument_version, position, status, flags, crisis, validity, answers, scales)
            """,
            rows: battery.instruments.count, columns: Self.resultColumns)
    }

    /// Writes `sheets` (the next sheet numbers, in order), a transaction at a time.
    func write(_ sheets: [Sheet]) throws(StoreError) {
        var next = 0
        while next < sheets.count {
            let started = Date()
            try store.write { db in
                // Still ours: a staging import is only removed when its process is gone, but say so if it was.
                try db.execute(
                    sql: "UPDATE import SET alive_at = ? WHERE id = ? AND state = 'staging'", arguments: [now, importID])
                guard db.changesCount == 1 else { throw store.abandonedImport() }
                let statements = try Statements(db, self)
                repeat {
                    try write(sheets[next], statements, db)
                    next += 1
                } while next < sheets.count && (next % 32 != 0 || Date().timeIntervalSince(started) < Self.transactionTarget)
            }
        }
    }

    /// Bound per result row after the attempt id (``insertSQL(_:rows:columns:)``).
    private static let resultColumns = 9

    /// One statement per table and sheet, with a row per instrument (a statement per row spends more on starting
    /// and ending it than on the row). ?1 is the attempt id; each row's names and positions are bound once, the
    /// sheet's values for every sheet.
    private static func insertSQL(_ head: String, rows: Int, columns: Int) -> String {
        head + " VALUES "
            + (0..<rows).map { row in
                "(?1, " + (0..<columns).map { "?\(2 + row * columns + $0)" }.joined(separator: ", ") + ")"
            }.joined(separator: ", ")
    }

    /// The statements of one transaction, with the values every sheet shares bound.
    private struct Statements {
        let enrolled, attempt, results: BoundStatement

        init(_ db: Database, _ writer: PaperSheetWriter) throws {
            enrolled = try BoundStatement(db, "SELECT 1 FROM student WHERE student_id = ?")
            attempt = try BoundStatement(
                db,
                """
                INSERT INTO attempt (wave_id, student_id, battery_id, battery_version, source, state, started_at, finished_at,
                                     import_id, source_line, level, reasons, scored, validity)
                VALUES (?1, ?2, ?3, ?4, 'paper', 'finished', ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """)
            results = try BoundStatement(db, writer.resultsSQL)
            attempt.bind(1, writer.wave)
            attempt.bind(3, writer.battery.id)
            attempt.bind(4, writer.battery.version)
            attempt.bind(5, StoredDate.text(writer.now))
            attempt.bind(6, writer.importID)
            var resultSlot: Int32 = 2
            for (index, instrument) in writer.battery.instruments.enumerated() {
                results.bind(resultSlot, writer.instrumentIDs[index])
                results.bind(resultSlot + 1, instrument.version)
                results.bind(resultSlot + 2, index)
                resultSlot += Int32(PaperSheetWriter.resultColumns)
            }
        }
    }

    private func write(_ sheet: Sheet, _ statements: Statements, _ db: Database) throws {
        let outcome = sheet.outcome
        statements.enrolled.bind(1, sheet.studentID)
        guard try statements.enrolled.exists() else {
            summary.strangers.append(
                Stranger(line: sheet.line, studentID: sheet.studentID, raisesCrisis: outcome.results.contains(where: \.hasCrisis))
            )
            strangerLines[attemptIDs.count] = sheet.line
            attemptIDs.append(0)
            return
        }
        let attempt = statements.attempt
        attempt.bind(2, sheet.studentID)
        attempt.bind(7, sheet.line)
        attempt.bind(8, outcome.assessment.level.rawValue, cache: texts)
        attempt.bind(9, outcome.assessment.reasons.map(\.code).joined(separator: "; "), cache: texts)
        attempt.bind(10, outcome.isScored)
        attempt.bind(11, ValidityColumn.text(outcome.validity), cache: texts)
        try attempt.run()
        let id = db.lastInsertedRowID
        attemptIDs.append(id)
        let results = statements.results
        results.bind(1, id)
        var resultSlot: Int32 = 5
        for (position, instrument) in outcome.results.enumerated() {
            results.bind(resultSlot, instrument.status.rawValue, cache: texts)
            results.bind(resultSlot + 1, instrument.flags.joined(separator: ";"), cache: texts)
            results.bind(resultSlot + 2, instrument.hasCrisis)
            results.bind(resultSlot + 3, ValidityColumn.text(instrument.validity), cache: texts)
            results.bind(resultSlot + 4, AnswerColumn.text(sheet.answers[position]))
            results.bind(resultSlot + 5, ScaleColumn.text(instrument.scales))
            resultSlot += Int32(Self.resultColumns)
            guard instrument.scales.count == battery.instruments[position].scales.count else {
                throw StoreError(
                    path: store.path, .scaleCountMismatch(instrument: instrument.instrumentID, scales: instrument.scales.count))
            }
        }
        try results.run()
        summary.stored += 1
        summary.levels[outcome.assessment.level, default: 0] += 1
    }

    /// Forgets a sheet written earlier (it repeats an earlier sheet's student ID); returns its staged attempt, to
    /// remove before publishing (nil: it was not stored).
    func forget(_ sheet: Int) -> Int64? {
        let id = attemptIDs[sheet]
        attemptIDs[sheet] = -1
        if id == 0, let line = strangerLines[sheet] {
            summary.strangers.removeAll { $0.line == line }
        }
        return id > 0 ? id : nil
    }
}
