import Foundation
import GRDB
import PsyScreen

/// A record whose student is not on the roster: reported, never stored.
package struct Stranger: Hashable, Sendable {
    package var line: Int
    package var studentID: String

    package init(line: Int, studentID: String) {
        self.line = line
        self.studentID = studentID
    }
}

/// What a paper import did.
package struct PaperImportSummary: Hashable, Sendable {
    /// Set when this exact file was already imported into the wave: nothing changed.
    package var alreadyImportedAt: Date?
    package var stored: Int
    package var strangers: [Stranger]
    /// Stored attempts per warning level.
    package var levels: [WarningLevel: Int]

    package init(alreadyImportedAt: Date?, stored: Int, strangers: [Stranger], levels: [WarningLevel: Int]) {
        self.alreadyImportedAt = alreadyImportedAt
        self.stored = stored
        self.strangers = strangers
        self.levels = levels
    }
}

extension SQLiteStore {
    /// Scores and stores paper forms as attempts of `wave`, in one transaction: killed midway, nothing is stored.
    /// The same file (by content hash) imported again into the same wave changes nothing. A student with an
    /// earlier attempt gets another one; the latest counts.
    package func importPaper(
        wave: String, battery: Battery, path: String, fileHash: String, sheets: [PaperSheet]
    ) throws(StoreError) -> PaperImportSummary {
        let scorer = BatteryScorer(battery)
        return try write { db in
            if let earlier = try ImportRecord.filter(Column("wave_id") == wave && Column("file_hash") == fileHash).fetchOne(db) {
                return PaperImportSummary(alreadyImportedAt: earlier.importedAt, stored: 0, strangers: [], levels: [:])
            }
            try ensureWave(db, wave)
            let now = clock()
            var importRecord = ImportRecord(
                id: nil, waveId: wave, fileHash: fileHash, path: path, batteryId: battery.id, importedAt: now,
                user: user, records: sheets.count, stored: 0)
            try importRecord.insert(db)
            var summary = PaperImportSummary(alreadyImportedAt: nil, stored: 0, strangers: [], levels: [:])
            let known = Set(try String.fetchAll(db, sql: "SELECT student_id FROM student"))
            let insertAttempt = try db.cachedStatement(
                sql: """
                    INSERT INTO attempt (wave_id, student_id, battery_id, battery_version, source, state, started_at,
                                         finished_at, import_id, source_line)
                    VALUES (?, ?, ?, ?, 'paper', 'finished', ?, ?, ?, ?)
                    """)
            let insertAnswer = try db.cachedStatement(
                sql: "INSERT INTO answer (attempt_id, instrument_id, item_id, position, value) VALUES (?, ?, ?, ?, ?)")
            for sheet in sheets {
                let studentID = StudentID.normalize(sheet.studentID)
                guard known.contains(studentID) else {
                    summary.strangers.append(Stranger(line: sheet.line, studentID: sheet.studentID))
                    continue
                }
                let outcome = try scorer.score(sheet.answers)
                try insertAttempt.execute(arguments: [
                    wave, studentID, battery.id, battery.version, now, now, importRecord.id, sheet.line,
                ])
                let attemptID = db.lastInsertedRowID
                for instrument in battery.instruments {
                    let values = sheet.answers[instrument.id] ?? []
                    for (position, item) in instrument.items.enumerated() {
                        try insertAnswer.execute(arguments: [
                            attemptID, instrument.id, item.id, position, position < values.count ? values[position] : nil,
                        ])
                    }
                }
                try writeOutcome(db, attemptID: attemptID, outcome, answers: sheet.answers, replacing: false)
                summary.stored += 1
                summary.levels[outcome.assessment.level, default: 0] += 1
            }
            importRecord.stored = summary.stored
            try importRecord.update(db)
            try audit(
                db, "paper import",
                "\(path) (sha256 \(fileHash.prefix(12))) into wave \(wave), battery \(battery.id): \(sheets.count) valid records, \(summary.stored) stored, \(summary.strangers.count) not on the roster")
            return summary
        }
    }
}
