import Foundation
import GRDB
import PsyScreen

/// A roster student with the attempt of a wave that counts for them.
package struct StudentScreening: Hashable, Sendable {
    package var student: Student
    /// The latest attempt in the wave, if any.
    package var attempt: ScreeningAttempt?

    package var state: ScreeningState {
        guard let attempt else { return .notScreened }
        if attempt.state == .refused { return .refused }
        return attempt.isScored ? .screened : .partial
    }
}

extension ScreeningStore {
    /// Every student on the roster with their latest attempt in `wave` (students sorted by school, grade, class, id).
    package func screenings(wave: String) throws(StoreError) -> [StudentScreening] {
        try read { db in
            let latest = try latestAttempts(db, wave: wave)
            return try allStudents(db).map { StudentScreening(student: $0, attempt: latest[$0.studentID]) }
        }
    }

    /// Coverage of `wave` per unit at `level`, then a total row.
    package func coverage(wave: String, by level: CoverageTable.Level) throws(StoreError) -> [CoverageRow] {
        let states: [(Student, ScreeningState)] = try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.student_id, a.state, a.scored FROM attempt a
                    WHERE a.id IN (SELECT MAX(id) FROM attempt WHERE wave_id = ? GROUP BY student_id)
                    """, arguments: [wave])
            var state: [String: ScreeningState] = [:]
            for row in rows {
                let id: String = row["student_id"]
                let stored: String = row["state"]
                let scored: Bool = row["scored"]
                state[id] = stored == AttemptState.refused.rawValue ? .refused : scored ? .screened : .partial
            }
            return try allStudents(db).map { ($0, state[$0.studentID] ?? .notScreened) }
        }
        return CoverageTable.compute(states, by: level)
    }

    /// Whether any attempt was ever stored in `wave` (to tell a typo in the wave name from an empty wave).
    package func waveExists(_ wave: String) throws(StoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM wave WHERE id = ?)", arguments: [wave]) ?? false }
    }

    /// Known wave names, newest first.
    package func waves() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM wave ORDER BY created_at DESC, id") }
    }
}
