import Foundation
import GRDB
import PsyScreen

/// Storage for `psyscreen take`: every answer is committed before the next item is shown.
extension SQLiteStore {
    /// The student's latest attempt in `wave`, if any.
    package func latestAttempt(wave: String, studentID: String) throws(StoreError) -> ScreeningAttempt? {
        try read { db in
            try loadAttempts(
                db,
                filter: "a.id = (SELECT MAX(id) FROM attempt a WHERE wave_id = ? AND student_id = ? AND \(Self.visible("a")))",
                arguments: [wave, StudentID.normalize(studentID)]
            ).first
        }
    }

    /// Items already given an answer or an explicit skip in `attemptID`, as `instrument/item` keys.
    package func answeredItems(attemptID: Int64) throws(StoreError) -> Set<String> {
        try read { db in
            Set(
                try Row.fetchAll(
                    db, sql: "SELECT instrument_id, item_id FROM answer WHERE attempt_id = ?", arguments: [attemptID]
                )
                .map { "\($0["instrument_id"] as String)/\($0["item_id"] as String)" })
        }
    }

    /// The student with their latest attempt in `wave` and the items it has answers for, in one read.
    package func lookUp(wave: String, studentID: String, battery: Battery) throws(StoreError) -> StudentLookup? {
        guard let student = try student(studentID) else { return nil }
        let latest = try latestAttempt(wave: wave, studentID: student.studentID)
        let answered = try latest.map { attempt throws(StoreError) in try answeredItems(attemptID: attempt.id) } ?? []
        return StudentLookup(student: student, latestAttempt: latest, answeredItems: answered)
    }

    /// Starts a terminal attempt once the student has answered the consent question. A refusal is stored as a
    /// finished `refused` attempt (counted apart in coverage).
    package func startTerminalAttempt(
        wave: String, studentID: String, battery: Battery, consented: Bool
    ) throws(StoreError) -> Int64 {
        try write { db in
            try ensureWave(db, wave)
            let now = clock()
            let id = StudentID.normalize(studentID)
            var attempt = AttemptRecord(
                id: nil, waveId: wave, studentId: id, batteryId: battery.id, batteryVersion: battery.version,
                source: AttemptSource.terminal.rawValue,
                state: consented ? AttemptState.inProgress.rawValue : AttemptState.refused.rawValue, startedAt: now,
                finishedAt: consented ? nil : now, importId: nil, sourceLine: nil, level: "none", reasons: "",
                scored: false, validity: "")
            try attempt.insert(db)
            try audit(
                db,
                consented
                    ? .terminalStart(student: id, wave: wave, battery: battery.id)
                    : .terminalRefusal(student: id, wave: wave, battery: battery.id))
            return attempt.id!
        }
    }

    /// Stores one answer (`nil` = skipped) and re-scores the attempt in the same transaction, so that a crisis
    /// answer makes the attempt red before the student sees anything else. Returns the new assessment.
    @discardableResult
    package func saveAnswer(
        attemptID: Int64, battery: Battery, instrumentID: String, itemID: String, value: Int?, seconds: Double?
    ) throws(StoreError) -> BatteryScorer.Outcome {
        let scorer = BatteryScorer(battery)
        guard let instrument = battery.instrument(instrumentID),
            let position = instrument.items.firstIndex(where: { $0.id == itemID })
        else {
            throw StoreError(path: path, .unknownItem(battery: battery.id, item: "\(instrumentID)_\(itemID)"))
        }
        return try write { db in
            // `answer` is WITHOUT ROWID, which GRDB's upsert (RETURNING rowid) cannot handle.
            try db.execute(
                sql: """
                    INSERT INTO answer (attempt_id, instrument_id, item_id, position, value, answered_at, seconds)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (attempt_id, instrument_id, item_id)
                    DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at, seconds = excluded.seconds
                    """, arguments: [attemptID, instrumentID, itemID, position, value, clock(), seconds])
            return try rescore(db, attemptID: attemptID, battery: battery, scorer: scorer)
        }
    }

    /// Marks the attempt finished and stores its final results, including the battery's time rule.
    @discardableResult
    package func finishAttempt(attemptID: Int64, battery: Battery) throws(StoreError) -> BatteryScorer.Outcome {
        try write { db in
            try db.execute(
                sql: "UPDATE attempt SET state = 'finished', finished_at = ? WHERE id = ?", arguments: [clock(), attemptID])
            let outcome = try rescore(db, attemptID: attemptID, battery: battery, scorer: BatteryScorer(battery), final: true)
            try audit(db, .terminalFinish(attempt: attemptID, level: outcome.assessment.level))
            return outcome
        }
    }

    private func rescore(
        _ db: Database, attemptID: Int64, battery: Battery, scorer: BatteryScorer, final: Bool = false
    ) throws -> BatteryScorer.Outcome {
        var answers: [String: [Int?]] = [:]
        var instrumentSeconds: [String: Double] = [:]
        var totalSeconds = 0.0
        for instrument in battery.instruments {
            answers[instrument.id] = Array(repeating: nil, count: instrument.items.count)
        }
        for row in try AnswerRecord.filter(Column("attempt_id") == attemptID).fetchAll(db) {
            answers[row.instrumentId]?[row.position] = row.value
            instrumentSeconds[row.instrumentId, default: 0] += row.seconds ?? 0
            totalSeconds += row.seconds ?? 0
        }
        var outcome = try scorer.score(
            answers, instrumentSeconds: final ? instrumentSeconds : [:], totalSeconds: final ? totalSeconds : nil)
        // A crisis answer, once given, keeps the attempt red even if the student goes back and changes it:
        // a counselor must still talk to them.
        let crisisAt = try Date.fetchOne(db, sql: "SELECT crisis_at FROM attempt WHERE id = ?", arguments: [attemptID])
        if outcome.results.contains(where: \.hasCrisis) {
            if crisisAt == nil {
                try db.execute(sql: "UPDATE attempt SET crisis_at = ? WHERE id = ?", arguments: [clock(), attemptID])
            }
        } else if crisisAt != nil {
            outcome.assessment = WarningAssessment(
                level: .red, reasons: [.crisisChangedAtTerminal] + outcome.assessment.reasons)
        }
        try writeOutcome(db, attemptID: attemptID, outcome, answers: answers)
        return outcome
    }
}
