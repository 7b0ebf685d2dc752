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
    /// One scored sheet, its texts already written as they are stored (on the reading thread, so that the writer
    /// thread, the import's bottleneck, only binds them).
    struct Sheet: Sendable {
        var studentID: String
        var line: Int
        var level: WarningLevel
        var scored: Bool
        /// Some instrument raised a crisis flag.
        var raisesCrisis: Bool
        /// Per instrument, in battery order.
        var crisis: [Bool]
        /// The texts bound for the sheet, one after the other (``Text``): the attempt's, then each instrument's.
        var texts: [UInt8]
        /// Where each text ends in `texts`.
        var ends: [Int]

        /// The attempt's texts, then each instrument's, in this order.
        enum Text: Int, CaseIterable {
            case level, reasons, validity
        }
        enum ResultText: Int, CaseIterable {
            case status, flags, validity, answers, scales
        }

        /// Writes the texts of a sheet scored for `battery`; a result without every scale of its instrument is
        /// refused (it could not be read back).
        init(
            studentID: String, line: Int, answers: [[Int?]], outcome: BatteryScorer.Outcome, battery: Battery, path: String
        ) throws(StoreError) {
            self.studentID = studentID
            self.line = line
            level = outcome.assessment.level
            scored = outcome.isScored
            crisis = outcome.results.map(\.hasCrisis)
            raisesCrisis = crisis.contains(true)
            texts = []
            texts.reserveCapacity(160)
            ends = []
            ends.reserveCapacity(Text.allCases.count + ResultText.allCases.count * outcome.results.count)
            func end() { ends.append(texts.count) }
            texts += outcome.assessment.level.rawValue.utf8
            end()
            for (index, reason) in outcome.assessment.reasons.enumerated() {
                if index > 0 { texts += "; ".utf8 }
                texts += reason.code.utf8
            }
            end()
            texts += ValidityColumn.text(outcome.validity).utf8
            end()
            for (position, instrument) in outcome.results.enumerated() {
                guard instrument.scales.count == battery.instruments[position].scales.count else {
                    throw StoreError(
                        path: path, .scaleCountMismatch(instrument: instrument.instrumentID, scales: instrument.scales.count))
                }
                texts += instrument.status.rawValue.utf8
                end()
                for (index, flag) in instrument.flags.enumerated() {
                    if index > 0 { texts.append(UInt8(ascii: ";")) }
                    texts += flag.utf8
                }
                end()
                texts += ValidityColumn.text(instrument.validity).utf8
                end()
                AnswerColumn.append(answers[position], to: &texts)
                end()
                ScaleColumn.append(instrument.scales, to: &texts)
                end()
            }
        }

        /// The bytes of text `number` (``Text`` first, then ``ResultText`` per instrument).
        func text(_ number: Int) -> ArraySlice<UInt8> {
            texts[(number == 0 ? 0 : ends[number - 1])..<ends[number]]
        }
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
    /// `now` as stored.
    private let startedAt: String
    /// The two inserts of a group of n sheets at n - 1 (``attemptSQL(rows:)``, ``resultsSQL(sheets:instruments:)``).
    private let statementSQL: [(attempt: String, results: String)]

    init(store: SQLiteStore, wave: String, battery: Battery, importID: Int64, now: Date) {
        self.store = store
        self.wave = wave
        self.battery = battery
        self.importID = importID
        self.now = now
        instrumentIDs = battery.instruments.map { StableText($0.id) }
        startedAt = StoredDate.text(now)
        statementSQL = (1...Self.groupSheets).map { sheets in
            (Self.attemptSQL(rows: sheets), Self.resultsSQL(sheets: sheets, instruments: battery.instruments.count))
        }
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
                var statements = try Statements(db, self)
                var group: [(number: Int, sheet: Sheet)] = []
                group.reserveCapacity(Self.groupSheets)
                repeat {
                    let slice = sheets[next..<min(next + Self.groupSheets, sheets.count)]
                    for sheet in slice {
                        if try statements.isEnrolled(sheet.studentID) {
                            group.append((attemptIDs.count, sheet))
                        } else {
                            summary.strangers.append(
                                Stranger(
                                    line: sheet.line, studentID: sheet.studentID,
                                    raisesCrisis: sheet.raisesCrisis))
                            strangerLines[attemptIDs.count] = sheet.line
                        }
                        attemptIDs.append(0)
                    }
                    try write(group, &statements)
                    group.removeAll(keepingCapacity: true)
                    next = slice.endIndex
                } while next < sheets.count && Date().timeIntervalSince(started) < Self.transactionTarget
            }
        }
    }

    /// The statements of one transaction and the texts being bound (``BoundTexts``).
    private struct Statements {
        let db: Database
        let writer: PaperSheetWriter
        var texts = BoundTexts()
        /// The inserts of a group of n sheets at n - 1, once used.
        private var inserts: [(attempt: BoundStatement, results: BoundStatement)?]
        /// Whether a student is on the roster.
        private let enrolled: BoundStatement

        init(_ db: Database, _ writer: PaperSheetWriter) throws {
            self.db = db
            self.writer = writer
            enrolled = try BoundStatement(db, "SELECT 1 FROM student WHERE student_id = ?")
            inserts = Array(repeating: nil, count: PaperSheetWriter.groupSheets)
        }

        /// The two inserts of `count` sheets.
        mutating func inserts(_ count: Int) throws -> (attempt: BoundStatement, results: BoundStatement) {
            if let known = inserts[count - 1] { return known }
            let made = (
                try BoundStatement(db, writer.statementSQL[count - 1].attempt),
                try BoundStatement(db, writer.statementSQL[count - 1].results)
            )
            inserts[count - 1] = made
            return made
        }

        /// Whether the student is on the roster. (A statement per sheet: an `IN` list of a group's IDs costs SQLite
        /// more, as it builds a temporary index of them.)
        func isEnrolled(_ studentID: String) throws -> Bool {
            enrolled.bind(1, studentID)
            return try enrolled.exists()
        }
    }

    /// Sheets written by one statement per table: a statement per sheet spends more on starting and ending it
    /// (and on counting the attempt ids, AUTOINCREMENT) than on its rows.
    static let groupSheets = 16

    /// Values bound per attempt row, after the five every row shares (``attemptSQL(rows:)``).
    private static let attemptColumns: Int32 = 6
    /// Values bound per result row, after the three of each instrument (``resultsSQL(sheets:instruments:)``).
    private static let resultColumns: Int32 = 7

    /// The insert of `rows` attempts: ?1–?5 are the wave, battery, version, time and import; then
    /// ``attemptColumns`` per row.
    private static func attemptSQL(rows: Int) -> String {
        """
        INSERT INTO attempt (wave_id, student_id, battery_id, battery_version, source, state, started_at, finished_at,
                             import_id, source_line, level, reasons, scored, validity) VALUES
        """
            + (0..<rows).map { row in
                let slot = 6 + row * Int(attemptColumns)
                return "(?1, ?\(slot), ?2, ?3, 'paper', 'finished', ?4, ?4, ?5, "
                    + (1..<Int(attemptColumns)).map { "?\(slot + $0)" }.joined(separator: ", ") + ")"
            }.joined(separator: ", ")
    }

    /// The insert of the results of `sheets` sheets: per instrument its id, version and position (three values
    /// from ?1 on), then ``resultColumns`` per row, sheet by sheet and instrument by instrument.
    private static func resultsSQL(sheets: Int, instruments: Int) -> String {
        """
        INSERT INTO instrument_result
            (attempt_id, instrument_id, instrument_version, position, status, flags, crisis, validity, answers, scales) VALUES
        """
            + (0..<sheets * instruments).map { row in
                let shared = 1 + 3 * (row % instruments), slot = 1 + 3 * instruments + row * Int(resultColumns)
                return "(?\(slot), ?\(shared), ?\(shared + 1), ?\(shared + 2), "
                    + (1..<Int(resultColumns)).map { "?\(slot + $0)" }.joined(separator: ", ") + ")"
            }.joined(separator: ", ")
    }

    /// Writes the attempts of `group` (enrolled students' sheets, in sheet order) and their results: two statements.
    private func write(_ group: [(number: Int, sheet: Sheet)], _ statements: inout Statements) throws {
        guard !group.isEmpty else { return }
        let (attempt, results) = try statements.inserts(group.count)
        attempt.bind(1, wave)
        attempt.bind(2, battery.id)
        attempt.bind(3, battery.version)
        attempt.bind(4, startedAt)
        attempt.bind(5, importID)
        var slot: Int32 = 6
        for (_, sheet) in group {
            attempt.bind(slot, sheet.studentID)
            attempt.bind(slot + 1, sheet.line)
            statements.texts.add(slot + 2, sheet.text(Sheet.Text.level.rawValue))
            statements.texts.add(slot + 3, sheet.text(Sheet.Text.reasons.rawValue))
            attempt.bind(slot + 4, sheet.scored)
            statements.texts.add(slot + 5, sheet.text(Sheet.Text.validity.rawValue))
            slot += Self.attemptColumns
        }
        try statements.texts.run(attempt)
        // One statement under the write lock: AUTOINCREMENT gave its rows consecutive ids, the last one last.
        let first = statements.db.lastInsertedRowID - Int64(group.count) + 1
        slot = 1
        for (index, instrument) in battery.instruments.enumerated() {
            results.bind(slot, instrumentIDs[index])
            results.bind(slot + 1, instrument.version)
            results.bind(slot + 2, index)
            slot += 3
        }
        let attemptTexts = Sheet.Text.allCases.count, resultTexts = Sheet.ResultText.allCases.count
        for (offset, (number, sheet)) in group.enumerated() {
            let id = first + Int64(offset)
            attemptIDs[number] = id
            for position in sheet.crisis.indices {
                let texts = attemptTexts + position * resultTexts
                results.bind(slot, id)
                statements.texts.add(slot + 1, sheet.text(texts + Sheet.ResultText.status.rawValue))
                statements.texts.add(slot + 2, sheet.text(texts + Sheet.ResultText.flags.rawValue))
                results.bind(slot + 3, sheet.crisis[position])
                statements.texts.add(slot + 4, sheet.text(texts + Sheet.ResultText.validity.rawValue))
                statements.texts.add(slot + 5, sheet.text(texts + Sheet.ResultText.answers.rawValue))
                statements.texts.add(slot + 6, sheet.text(texts + Sheet.ResultText.scales.rawValue))
                slot += Self.resultColumns
            }
            summary.stored += 1
            summary.levels[sheet.level, default: 0] += 1
        }
        try statements.texts.run(results)
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
