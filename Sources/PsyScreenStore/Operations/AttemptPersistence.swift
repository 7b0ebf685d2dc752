import Foundation
import GRDB
import PsyScreen

/// Writing an attempt's computed results and reading attempts back as ``ScreeningAttempt`` values.
extension SQLiteStore {
    /// Replaces the stored results of `attemptID` with `outcome`, scored from `answers` (per instrument, in item
    /// order), whose compact copy goes with them (results are always recomputable from the answer rows).
    func writeOutcome(_ db: Database, attemptID: Int64, _ outcome: BatteryScorer.Outcome, answers: [String: [Int?]]) throws {
        try db.cachedStatement(
            sql: "UPDATE attempt SET level = ?, reasons = ?, scored = ?, validity = ?, results = ? WHERE id = ?"
        )
        .execute(arguments: [
            outcome.assessment.level.rawValue, outcome.assessment.reasons.map(\.code).joined(separator: "; "),
            outcome.isScored, ValidityColumn.text(outcome.validity),
            ResultColumn.text(outcome.results) { answers[$0.instrumentID] ?? [] }, attemptID,
        ])
    }

    /// Attempts matching `filter` (SQL over `attempt AS a`), with answers and results, ordered by id.
    func loadAttempts(_ db: Database, filter: String, arguments: StatementArguments) throws -> [ScreeningAttempt] {
        let attempts = try AttemptRecord.fetchAll(
            db, sql: "SELECT a.* FROM attempt a WHERE \(filter) ORDER BY a.id", arguments: arguments)
        return try attempts.map { record in
            let id = record.id ?? 0
            // Answers from the copy beside each result: the one place paper sheets keep them (see PaperSheetWriter),
            // and for terminal sittings the same values as their answer rows.
            let (instrumentResults, values) = try ResultColumn.results(record.results)
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
