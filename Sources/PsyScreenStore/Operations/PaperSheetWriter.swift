import Foundation
import GRDB
import PsyScreen

/// Writes scored paper sheets as staged attempts of one import, in transactions that each hold the write lock for
/// at most ``transactionTarget``: the SQL side of ``SQLitePaperImportStaging``, used on its writer queue only.
///
/// A sheet's answers are stored once, in its attempt's results (``ResultColumn``, ``AnswerColumn``), where every
/// read finds them. The `answer` table holds what only a terminal sitting has, one row per item with
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
        /// The texts bound for the sheet, one after the other (``Text``).
        var texts: [UInt8]
        /// Where each text ends in `texts`.
        var ends: [Int]

        /// The attempt's texts, in this order.
        enum Text: Int, CaseIterable {
            case level, reasons, validity, results
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
            raisesCrisis = outcome.results.contains(where: \.hasCrisis)
            texts = []
            texts.reserveCapacity(160)
            ends = []
            ends.reserveCapacity(Text.allCases.count)
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
            for (position, instrument) in outcome.results.enumerated()
            where instrument.scales.count != battery.instruments[position].scales.count {
                throw StoreError(
                    path: path, .scaleCountMismatch(instrument: instrument.instrumentID, scales: instrument.scales.count))
            }
            ResultColumn.append(outcome.results, answers: { answers[$0] }, to: &texts)
            end()
        }

        /// The bytes of text `number` (``Text``).
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

    /// `now` as stored.
    private let startedAt: String
    /// The insert of a group of n sheets at n - 1 (``attemptSQL(rows:)``).
    private let statementSQL: [String]

    init(store: SQLiteStore, wave: String, battery: Battery, importID: Int64, now: Date) {
        self.store = store
        self.wave = wave
        self.battery = battery
        self.importID = importID
        self.now = now
        startedAt = StoredDate.text(now)
        statementSQL = (1...Self.groupSheets).map { Self.attemptSQL(rows: $0) }
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
        private var inserts: [BoundStatement?]
        /// Whether a student is on the roster.
        private let enrolled: BoundStatement

        init(_ db: Database, _ writer: PaperSheetWriter) throws {
            self.db = db
            self.writer = writer
            enrolled = try BoundStatement(db, "SELECT 1 FROM student WHERE student_id = ?")
            inserts = Array(repeating: nil, count: PaperSheetWriter.groupSheets)
        }

        /// The insert of `count` sheets.
        mutating func insert(_ count: Int) throws -> BoundStatement {
            if let known = inserts[count - 1] { return known }
            let made = try BoundStatement(db, writer.statementSQL[count - 1])
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

    /// Sheets written by one statement: a statement per sheet spends more on starting and ending it
    /// (and on counting the attempt ids, AUTOINCREMENT) than on its rows.
    static let groupSheets = 16

    /// Values bound per attempt row, after the five every row shares (``attemptSQL(rows:)``).
    private static let attemptColumns: Int32 = 7

    /// The insert of `rows` attempts: ?1–?5 are the wave, battery, version, time and import; then
    /// ``attemptColumns`` per row.
    private static func attemptSQL(rows: Int) -> String {
        """
        INSERT INTO attempt (wave_id, student_id, battery_id, battery_version, source, state, started_at, finished_at,
                             import_id, source_line, level, reasons, scored, validity, results) VALUES
        """
            + (0..<rows).map { row in
                let slot = 6 + row * Int(attemptColumns)
                return "(?1, ?\(slot), ?2, ?3, 'paper', 'finished', ?4, ?4, ?5, "
                    + (1..<Int(attemptColumns)).map { "?\(slot + $0)" }.joined(separator: ", ") + ")"
            }.joined(separator: ", ")
    }

    /// Writes the attempts of `group` (enrolled students' sheets, in sheet order) with their results: one statement.
    private func write(_ group: [(number: Int, sheet: Sheet)], _ statements: inout Statements) throws {
        guard !group.isEmpty else { return }
        let attempt = try statements.insert(group.count)
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
            statements.texts.add(slot + 6, sheet.text(Sheet.Text.results.rawValue))
            slot += Self.attemptColumns
        }
        try statements.texts.run(attempt)
        // One statement under the write lock: AUTOINCREMENT gave its rows consecutive ids, the last one last.
        let first = statements.db.lastInsertedRowID - Int64(group.count) + 1
        for (offset, (number, sheet)) in group.enumerated() {
            attemptIDs[number] = first + Int64(offset)
            summary.stored += 1
            summary.levels[sheet.level, default: 0] += 1
        }
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
