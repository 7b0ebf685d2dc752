import Foundation
import GRDB
import PsyScreen

/// A roster student with the attempt of a wave that counts for them.
package struct StudentScreening: Hashable, Sendable {
    package var student: Student
    /// The attempt that counts (the latest in the wave), if any.
    package var attempt: ScreeningAttempt?
    /// The rule's verdict: state and level (red sticks within the wave).
    package var counting: CountingAttempt

    package var state: ScreeningState { counting.state }
    package var level: WarningLevel { counting.level }

    package init(student: Student, attempt: ScreeningAttempt?, counting: CountingAttempt) {
        self.student = student
        self.attempt = attempt
        self.counting = counting
    }
}

extension SQLiteStore {
    /// Every student on the roster with the attempt that counts in `wave` (students sorted by school, grade,
    /// class, id).
    package func screenings(wave: String) throws(StoreError) -> [StudentScreening] {
        try read { db in
            let counting = try countingAttempts(db, wave: wave)
            let attempts = try loadAttempts(db, ids: counting.values.compactMap(\.attemptID))
            return try allStudents(db).map { student in
                let verdict = counting[student.studentID] ?? CountingAttempt()
                return StudentScreening(student: student, attempt: verdict.attemptID.flatMap { attempts[$0] }, counting: verdict)
            }
        }
    }

    /// Coverage of `wave` per unit at `level`, then a total row.
    package func coverage(wave: String, by level: CoverageTable.Level) throws(StoreError) -> [CoverageRow] {
        let states: [(Student, ScreeningState)] = try read { db in
            let counting = try countingAttempts(db, wave: wave)
            return try allStudents(db).map { ($0, counting[$0.studentID]?.state ?? .notScreened) }
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
