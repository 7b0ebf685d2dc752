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
        var screenings: [StudentScreening] = []
        try forEachScreening(wave: wave) { screenings.append($0) }
        return screenings
    }

    /// Every student of `units` that `include` accepts, in listing order, with where they stand in `wave` and
    /// (`withAttempts`) the attempt that counts, streamed from one snapshot: memory stays flat whatever the number
    /// of students (but for a few bytes a student of the whole roster: ``WaveStandings``).
    package func forEachScreening(
        wave: String, units: RosterUnits = RosterUnits(), withAttempts: Bool = true,
        where include: (Student, CountingAttempt) -> Bool = { _, _ in true }, _ body: (StudentScreening) throws -> Void
    ) throws(StoreError) {
        // The whole roster: the wave's verdicts in one pass first. One school, grade or class: a search each.
        let whole = units.school == nil && units.grade == nil && units.className == nil
        try readListing(wholeRoster: whole) { db in
            let standings = whole ? try WaveStandings.read(db, wave: wave) : nil
            if let standings, withAttempts {
                // A district: the attempts in the order they are stored (``AttemptBatch``).
                var roster = RosterScan()
                try AttemptBatch.read(db, capacity: listingBatch) { batch in
                    try roster.forEach(db, wave: wave, units: units, standings: standings) { entry in
                        guard include(entry.student, entry.counting) else { return }
                        try batch.add(entry.student, entry.counting, attemptID: entry.counting.attemptID)
                    }
                } body: { student, counting, attempt in
                    try body(StudentScreening(student: student, attempt: attempt, counting: counting))
                }
                return
            }
            var attempts = try AttemptReader(db)
            var roster = RosterScan(details: withAttempts ? attempts : nil)
            try roster.forEach(db, wave: wave, units: units, standings: standings) { entry in
                guard include(entry.student, entry.counting) else { return }
                var attempt: ScreeningAttempt?
                if withAttempts, let id = entry.counting.attemptID {
                    attempt = entry.latest?.id == id ? entry.latest : try attempts.read(id)
                }
                try body(StudentScreening(student: entry.student, attempt: attempt, counting: entry.counting))
            }
        }
    }

    /// The battery of the attempt that counts for the first student in listing order who has one in `wave`.
    package func firstBattery(wave: String) throws(StoreError) -> String? {
        try readSnapshot { db in
            guard
                let student = try String.fetchOne(
                    db,
                    sql: """
                        SELECT s.student_id FROM student s
                        WHERE EXISTS (SELECT 1 FROM attempt a WHERE a.wave_id = ? AND a.student_id = s.student_id AND \(Self.visible("a")))
                        ORDER BY s.school, s.grade, s.class, s.student_id LIMIT 1
                        """, arguments: [wave])
            else { return nil }
            return try String.fetchOne(
                db,
                sql:
                    "SELECT battery_id FROM attempt a WHERE wave_id = ? AND student_id = ? AND \(Self.visible("a")) ORDER BY id DESC LIMIT 1",
                arguments: [wave, student])
        }
    }

    /// Coverage of `wave` per unit at `level`, then a total row.
    package func coverage(wave: String, by level: CoverageTable.Level) throws(StoreError) -> [CoverageRow] {
        var tally = CoverageTable.Tally(level)
        try forEachScreening(wave: wave, withAttempts: false) { tally.add($0.student, $0.state) }
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

    /// ``readSnapshot(_:)`` for a listing; for one of the whole roster, with a page cache of 2 MB instead of 16 (set
    /// back afterwards). Such a listing reads its indexes front to back (``WaveStandings``) and its students'
    /// attempts in id order (``AttemptBatch``), so it rarely needs a page twice: a larger cache would only hold
    /// memory (6 MB more at 8 MB, and no faster at 100,000 students).
    func readListing<T>(wholeRoster: Bool, _ body: (Database) throws -> T) throws(StoreError) -> T {
        try readSnapshot { db in
            guard wholeRoster else { return try body(db) }
            try db.execute(sql: "PRAGMA cache_size = -2048")
            defer { try? db.execute(sql: "PRAGMA cache_size = -\(Self.pageCacheKiB)") }
            return try body(db)
        }
    }

    /// Whether any attempt was ever stored in `wave` (to tell a typo in the wave name from an empty wave).
    package func waveExists(_ wave: String) throws(StoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM wave WHERE id = ?)", arguments: [wave]) ?? false
        }
    }

    /// Known wave names, newest first.
    package func waves() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM wave ORDER BY created_at DESC, id") }
    }
}
