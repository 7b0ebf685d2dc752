import Foundation
import GRDB
import PsyScreen

/// Writing an attempt's computed results and reading attempts back as ``ScreeningAttempt`` values.
extension SQLiteStore {
    /// Replaces the stored results of `attemptID` with `outcome`, scored from `answers` (per instrument, in item
    /// order), whose compact copy goes with them (results are always recomputable from the answer rows).
    func writeOutcome(
        _ db: Database, attemptID: Int64, _ outcome: BatteryScorer.Outcome, answers: [String: [Int?]], replacing: Bool = true
    ) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM instrument_result WHERE attempt_id = ?").execute(arguments: [attemptID])
        }
        // Cached statements: a district import writes millions of these rows.
        let insertResult = try db.cachedStatement(
            sql: """
                INSERT INTO instrument_result
                    (attempt_id, instrument_id, instrument_version, position, status, flags, crisis, validity, answers, scales)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, result) in outcome.results.enumerated() {
            try insertResult.execute(arguments: [
                attemptID, result.instrumentID, result.instrumentVersion, position, result.status.rawValue,
                result.flags.joined(separator: ";"), result.hasCrisis, ValidityColumn.text(result.validity),
                AnswerColumn.text(answers[result.instrumentID] ?? []), ScaleColumn.text(result.scales),
            ])
        }
        try db.cachedStatement(sql: "UPDATE attempt SET level = ?, reasons = ?, scored = ?, validity = ? WHERE id = ?")
            .execute(arguments: [
                outcome.assessment.level.rawValue, outcome.assessment.reasons.map(\.code).joined(separator: "; "),
                outcome.isScored, ValidityColumn.text(outcome.validity), attemptID,
            ])
    }

    /// Attempts matching `filter` (SQL over `attempt AS a`), with answers and results, ordered by id.
    func loadAttempts(_ db: Database, filter: String, arguments: StatementArguments) throws -> [ScreeningAttempt] {
        let attempts = try AttemptRecord.fetchAll(
            db, sql: "SELECT a.* FROM attempt a WHERE \(filter) ORDER BY a.id", arguments: arguments)
        guard !attempts.isEmpty else { return [] }
        var results: [Int64: [InstrumentResultRecord]] = [:]
        for row in try InstrumentResultRecord.fetchAll(
            db,
            sql:
                "SELECT instrument_result.* FROM instrument_result JOIN attempt a ON a.id = instrument_result.attempt_id WHERE \(filter)",
            arguments: arguments)
        {
            results[row.attemptId, default: []].append(row)
        }
        return try attempts.map { record in
            let id = record.id ?? 0
            // Answers from the copy beside each result: the one place paper sheets keep them (see PaperSheetWriter),
            // and for terminal sittings the same values as their answer rows.
            var values: [String: [Int?]] = [:]
            for row in results[id] ?? [] { values[row.instrumentId] = AnswerColumn.values(row.answers) }
            let instrumentResults = try (results[id] ?? []).sorted { $0.position < $1.position }.map { row in
                try InstrumentResult(
                    instrumentID: row.instrumentId, instrumentVersion: row.instrumentVersion,
                    scales: try ScaleColumn.scales(row.scales),
                    flags: row.flags.isEmpty ? [] : row.flags.components(separatedBy: ";"), hasCrisis: row.crisis,
                    validity: ValidityColumn.findings(row.validity),
                    status: try StoredValue.decode(row.status, "instrument_result.status"))
            }
            return try ScreeningAttempt(
                id: id, wave: record.waveId, studentID: record.studentId, batteryID: record.batteryId,
                batteryVersion: record.batteryVersion, source: try StoredValue.decode(record.source, "attempt.source"),
                state: try StoredValue.decode(record.state, "attempt.state"), startedAt: record.startedAt,
                finishedAt: record.finishedAt, answers: values, results: instrumentResults,
                assessment: WarningAssessment(
                    level: try StoredValue.decode(record.level, "attempt.level"),
                    reasons: record.reasons.isEmpty
                        ? [] : record.reasons.components(separatedBy: "; ").map(WarningReason.init(code:))),
                validity: ValidityColumn.findings(record.validity))
        }
    }

    /// The attempts with these ids, keyed by id.
    func loadAttempts(_ db: Database, ids: some Collection<Int64>) throws -> [Int64: ScreeningAttempt] {
        guard !ids.isEmpty else { return [:] }
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let attempts = try loadAttempts(db, filter: "a.id IN (SELECT value FROM json_each(?))", arguments: [list])
        return Dictionary(uniqueKeysWithValues: attempts.map { ($0.id, $0) })
    }

    func allStudents(_ db: Database) throws -> [Student] {
        try StudentRecord.order(Column("school"), Column("grade"), Column("class"), Column("student_id")).fetchAll(db).map {
            try $0.student()
        }
    }
}
