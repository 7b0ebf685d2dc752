import Foundation
import GRDB
import PsyScreen

/// Whether a wave may be published: anonymized reports and exports come from a closed wave whose data has not
/// changed since it was closed.
package enum WaveReleaseState: Equatable, Sendable {
    case open
    case closed
    /// Closed, but results or the roster changed since: open and close it again.
    case changedSinceClosing(students: Int)
}

extension ScreeningStore {
    /// Per roster student: their units and the result that counts in `wave` (latest attempt, its state, level,
    /// whether red sticks), as one text. Two releases differ about a student exactly when this does.
    private func fingerprints(_ db: Database, wave: String) throws -> [String: String] {
        // Only what reads can see: an import still being staged has changed nothing yet.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                WITH latest AS (
                    SELECT student_id, MAX(id) AS id, MAX(level = 'red') AS red FROM attempt a
                    WHERE wave_id = ? AND \(Self.visible("a")) GROUP BY student_id)
                SELECT s.student_id, s.status || '|' || s.school || '|' || s.grade || '|' || s.class || '|' || s.gender
                    || '|' || COALESCE(s.major, '') || '|' || COALESCE(a.id, '') || '|' || COALESCE(a.state, '')
                    || '|' || COALESCE(a.scored, '') || '|' || COALESCE(a.level, '') || '|' || COALESCE(l.red, '')
                FROM student s LEFT JOIN latest l ON l.student_id = s.student_id LEFT JOIN attempt a ON a.id = l.id
                """, arguments: [wave])
        var result: [String: String] = [:]
        while let row = try rows.next() { result[row[0]] = row[1] }
        return result
    }

    private func released(_ db: Database, wave: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT student_id, fingerprint FROM wave_release WHERE wave_id = ?", arguments: [wave])
        while let row = try rows.next() { result[row[0]] = row[1] }
        return result
    }

    /// Students whose fingerprint differs between `old` and `new` (added and removed ones too).
    private static func changed(_ old: [String: String], _ new: [String: String]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    package func releaseState(wave: String) throws(StoreError) -> WaveReleaseState {
        try read { db in
            let closed =
                try Bool.fetchOne(db, sql: "SELECT closed_at IS NOT NULL FROM wave WHERE id = ?", arguments: [wave]) ?? false
            guard closed else { return .open }
            let changes = Self.changed(try released(db, wave: wave), try fingerprints(db, wave: wave))
            return changes.isEmpty ? .closed : .changedSinceClosing(students: changes.count)
        }
    }

    /// Closes `wave` for release. If it was closed and released before, the students whose result or units
    /// changed since must be safe to publish as a unit of their own: every unit of k or more students that an
    /// output shows (the wave, each school, grade and class, each gender and major group of a school or grade)
    /// holds none of them or at least k — otherwise comparing the two releases would show the few who changed.
    /// Refused with the units that fail; recorded in the audit trail.
    ///
    /// `pattern`: the wave's disclosure pattern at this k (``DisclosurePattern/encoded(columns:)``), kept so that
    /// every output of the closed wave shows a subset of it.
    package func closeWave(
        _ wave: String, threshold: MinimumCellSize, pattern: Data? = nil
    ) throws(StoreError) -> (students: Int, changed: Int) {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM wave WHERE id = ?)", arguments: [wave]) == true else {
                throw StoreError(path: path, message: "wave '\(wave)' has no screening results")
            }
            let now = try fingerprints(db, wave: wave)
            let before = try released(db, wave: wave)
            let changes = before.isEmpty ? [] : Self.changed(before, now)
            if !changes.isEmpty {
                let problems = Self.smallChanges(changes, before: before, now: now, k: threshold.k)
                guard problems.isEmpty else {
                    throw StoreError(
                        path: path,
                        message: "cannot close wave '\(wave)' again: \(changes.count) student(s) changed since it was"
                            + " last closed, and a second release would show them: "
                            + problems.prefix(5).joined(separator: "; ")
                            + (problems.count > 5 ? "; and \(problems.count - 5) more units" : "")
                            + " (each unit shown needs 0 or at least k = \(threshold.k) changed students)")
                }
            }
            try db.execute(sql: "DELETE FROM wave_release WHERE wave_id = ?", arguments: [wave])
            let insert = try db.makeStatement(sql: "INSERT INTO wave_release (wave_id, student_id, fingerprint) VALUES (?, ?, ?)")
            for (student, fingerprint) in now { try insert.execute(arguments: [wave, student, fingerprint]) }
            try db.execute(sql: "UPDATE wave SET closed_at = ? WHERE id = ?", arguments: [clock(), wave])
            try db.execute(sql: "DELETE FROM wave_pattern WHERE wave_id = ?", arguments: [wave])
            if let pattern {
                try db.execute(
                    sql: "INSERT INTO wave_pattern (wave_id, min_cell, pattern) VALUES (?, ?, ?)",
                    arguments: [wave, threshold.k, pattern])
            }
            try audit(
                db, "wave close",
                "\(wave): k = \(threshold.k), \(now.count) roster students, \(changes.count) changed since the last closing")
            return (now.count, changes.count)
        }
    }

    /// The pattern stored when `wave` was closed with k, if any.
    package func closedPattern(wave: String, threshold: MinimumCellSize) throws(StoreError) -> Data? {
        try read { db in
            try Data.fetchOne(
                db, sql: "SELECT pattern FROM wave_pattern WHERE wave_id = ? AND min_cell = ?", arguments: [wave, threshold.k])
        }
    }

    /// Opens `wave` again (new results may come in; nothing anonymized is released until it is closed again).
    package func openWave(_ wave: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE wave SET closed_at = NULL WHERE id = ?", arguments: [wave])
            guard db.changesCount > 0 else { throw StoreError(path: path, message: "wave '\(wave)' has no screening results") }
            try audit(db, "wave open", wave)
        }
    }

    /// The units of k or more students (in either release) holding between 1 and k − 1 changed students.
    private static func smallChanges(_ changes: [String], before: [String: String], now: [String: String], k: Int) -> [String] {
        func units(_ fingerprint: String) -> [String] {
            let fields = fingerprint.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 6, fields[0] != EnrollmentStatus.withdrawn.rawValue else { return [] }
            let (school, grade, className, gender, major) = (fields[1], fields[2], fields[3], fields[4], fields[5])
            return [
                "the wave", school, "\(school)/\(grade)", "\(school)/\(grade)/\(className)",
                "\(school) [gender=\(gender)]", "\(school) [major=\(major)]",
                "\(school)/\(grade) [gender=\(gender)]", "\(school)/\(grade) [major=\(major)]",
            ]
        }
        var size: [String: Int] = [:]
        for fingerprint in now.values where fingerprint.hasPrefix(EnrollmentStatus.enrolled.rawValue + "|") {
            for unit in units(fingerprint) { size[unit, default: 0] += 1 }
        }
        var touched: [String: Set<String>] = [:]
        for student in changes {
            for fingerprint in [before[student], now[student]].compactMap({ $0 }) {
                for unit in units(fingerprint) { touched[unit, default: []].insert(student) }
            }
        }
        // Smallest units first: a class says most about who changed.
        return touched.filter { (size[$0.key] ?? 0) >= k && $0.value.count < k }
            .sorted { (size[$0.key]!, $0.key) < (size[$1.key]!, $1.key) }
            .map { "\($0.key): \($0.value.count) changed of \(size[$0.key]!)" }
    }
}
