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
}

extension ScreeningStore {
    /// Every student on the roster with the attempt that counts in `wave` (students sorted by school, grade,
    /// class, id).
    package func screenings(wave: String) throws(StoreError) -> [StudentScreening] {
        var screenings: [StudentScreening] = []
        try forEachScreening(wave: wave) { _, screening in screenings.append(screening) }
        return screenings
    }

    /// Every student of `units` that `include` accepts, in listing order, with where they stand in `wave` and
    /// (`withAttempts`) the attempt that counts, streamed: memory stays flat whatever the number of students.
    ///
    /// With `passes` > 1 (a table measures its columns before it writes them) the later passes read again, from
    /// the same snapshot, just the students the first one found (their row and counting verdict: 32 bytes each).
    package func forEachScreening(
        wave: String, units: RosterUnits = RosterUnits(), withAttempts: Bool = true, passes: Int = 1,
        where include: (Student, CountingAttempt) -> Bool = { _, _ in true },
        _ body: (_ pass: Int, StudentScreening) throws -> Void
    ) throws(StoreError) {
        try readSnapshot { db in
            var roster = RosterScan()
            var attempts = try AttemptReader(db)
            var found: [(rowID: Int64, counting: CountingAttempt)] = []
            func emit(_ pass: Int, _ student: Student, _ counting: CountingAttempt) throws {
                let attempt = try withAttempts ? counting.attemptID.flatMap { try attempts.read($0) } : nil
                try body(pass, StudentScreening(student: student, attempt: attempt, counting: counting))
            }
            try roster.forEach(db, wave: wave, units: units) { entry in
                guard include(entry.student, entry.counting) else { return }
                if passes > 1 { found.append((entry.rowID, entry.counting)) }
                try emit(0, entry.student, entry.counting)
            }
            for pass in 1..<max(passes, 1) {
                for item in found {
                    guard let student = try roster.student(db, rowID: item.rowID) else { continue }
                    try emit(pass, student, item.counting)
                }
            }
        }
    }

    /// The battery of the attempt that counts for the first student in listing order who has one in `wave`.
    package func firstBattery(wave: String) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT a.battery_id FROM student s
                    JOIN attempt a ON a.wave_id = ? AND a.student_id = s.student_id AND \(Self.visible("a"))
                    ORDER BY s.school, s.grade, s.class, s.student_id, a.id DESC LIMIT 1
                    """, arguments: [wave])
        }
    }

    /// Coverage of `wave` per unit at `level`, then a total row.
    package func coverage(wave: String, by level: CoverageTable.Level) throws(StoreError) -> [CoverageRow] {
        var tally = CoverageTable.Tally(level)
        try forEachScreening(wave: wave, withAttempts: false) { _, screening in tally.add(screening.student, screening.state) }
        return tally.rows
    }

    /// Runs `body` in one read transaction: every statement in it sees the same snapshot of the file.
    func readSnapshot<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try read { db in
            guard !db.isInsideTransaction else { return try body(db) }
            var value: T?
            try db.inTransaction(.deferred) {
                value = try body(db)
                return .commit
            }
            return value!
        }
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
