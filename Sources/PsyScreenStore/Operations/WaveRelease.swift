import Foundation
import GRDB
import PsyScreen

/// A wave's releases in the SQLite file: `wave.closed_at`, the fingerprints the last closing kept
/// (`wave_release`) and the pattern of each k it was closed with (`wave_pattern`).
extension SQLiteStore: ReleaseStore {
    package func releaseSnapshot(wave: String) throws(StoreError) -> ReleaseSnapshot {
        try read { db in try snapshot(db, wave: wave) }
    }

    package func recordClosing(
        wave: String, threshold: MinimumCellSize, pattern: Data?, digest: String, event: AuditEvent
    ) throws(StoreError) {
        try write { db in
            let now = try fingerprints(db, wave: wave)
            guard ReleaseSnapshot.digest(now.values) == digest else { throw StoreError(path: path, .changedWhileClosing(wave)) }
            try db.execute(sql: "DELETE FROM wave_release WHERE wave_id = ?", arguments: [wave])
            let insert = try db.makeStatement(sql: "INSERT INTO wave_release (wave_id, student_id, fingerprint) VALUES (?, ?, ?)")
            for (student, fingerprint) in now { try insert.execute(arguments: [wave, student, fingerprint]) }
            try db.execute(sql: "UPDATE wave SET closed_at = ? WHERE id = ?", arguments: [clock(), wave])
            try db.execute(sql: "DELETE FROM wave_pattern WHERE wave_id = ?", arguments: [wave])
            if let pattern {
                try db.execute(
                    sql: "INSERT INTO wave_pattern (wave_id, min_cell, pattern) VALUES (?, ?, ?)",
                    arguments: [wave, threshold.k, String(decoding: pattern, as: UTF8.self)])
            }
            try audit(db, event)
        }
    }

    package func closedPattern(wave: String, threshold: MinimumCellSize) throws(StoreError) -> Data? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT pattern FROM wave_pattern WHERE wave_id = ? AND min_cell = ?", arguments: [wave, threshold.k]
            ).map { Data($0.utf8) }
        }
    }

    package func openWave(_ wave: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE wave SET closed_at = NULL WHERE id = ?", arguments: [wave])
            guard db.changesCount > 0 else { throw StoreError(path: path, .noSuchWave(wave)) }
            try audit(db, .waveOpen(wave: wave))
        }
    }

    private func snapshot(_ db: Database, wave: String) throws -> ReleaseSnapshot {
        let waveRow = try Row.fetchOne(db, sql: "SELECT closed_at FROM wave WHERE id = ?", arguments: [wave])
        let now = try fingerprints(db, wave: wave)
        var then: [String: String] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT student_id, fingerprint FROM wave_release WHERE wave_id = ?", arguments: [wave])
        while let row = try rows.next() { then[row[0]] = row[1] }
        let pairs = Set(then.keys).union(now.keys).map { (then: then[$0], now: now[$0]) }
        return ReleaseSnapshot(
            exists: waveRow != nil, isClosed: waveRow.map { !($0[0] as DatabaseValue).isNull } ?? false, pairs: pairs,
            digest: ReleaseSnapshot.digest(now.values))
    }

    /// Per roster student, the fingerprint of their units and the result that counts in `wave` — of what reads
    /// see: an import still being staged has changed nothing yet.
    private func fingerprints(_ db: Database, wave: String) throws -> [String: String] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                WITH latest AS (
                    SELECT student_id, MAX(id) AS id, MAX(level = 'red') AS red FROM attempt a
                    WHERE wave_id = ? AND \(Self.visible("a")) GROUP BY student_id)
                SELECT s.student_id, s.status, s.school, s.grade, s.class, s.gender, s.major, a.id, a.state, a.scored,
                    a.level, l.red
                FROM student s LEFT JOIN latest l ON l.student_id = s.student_id LEFT JOIN attempt a ON a.id = l.id
                """, arguments: [wave])
        var result: [String: String] = [:]
        while let row = try rows.next() {
            result[row[0]] = ReleaseSnapshot.fingerprint(
                status: row[1], school: row[2], grade: row[3], className: row[4], gender: row[5], major: row[6],
                attemptID: row[7], state: row[8], scored: row[9], level: row[10], red: row[11])
        }
        return result
    }
}
