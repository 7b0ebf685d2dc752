import Foundation
import GRDB
import PsyScreen

/// A wave's releases in the SQLite file: `wave.closed_at`, the fingerprints the last closing kept
/// (`wave_release`) and their digest (`wave.release_digest`), and the pattern of each k it was closed with
/// (`wave_pattern`).
extension SQLiteStore: ReleaseStore {
    package func releaseSnapshot(wave: String) throws(StoreError) -> ReleaseSnapshot {
        try read { db in try snapshot(db, wave: wave) }
    }

    package func recordClosing(
        wave: String, threshold: MinimumCellSize, pattern: Data?, digest: String, event: AuditEvent
    ) throws(StoreError) {
        try write { db in
            let now = try ReleaseScan(db, wave: wave).fingerprints
            guard now.digest().text == digest else { throw StoreError(path: path, .changedWhileClosing(wave)) }
            try db.execute(sql: "DELETE FROM wave_release WHERE wave_id = ?", arguments: [wave])
            let insert = try db.makeStatement(sql: "INSERT INTO wave_release (wave_id, student_id, fingerprint) VALUES (?, ?, ?)")
            try now.forEach { id, fingerprint in
                try insert.execute(
                    arguments: [wave, String(decoding: id, as: UTF8.self), String(decoding: fingerprint, as: UTF8.self)])
            }
            try db.execute(
                sql: "UPDATE wave SET closed_at = ?, release_digest = ? WHERE id = ?", arguments: [clock(), digest, wave])
            try db.execute(sql: "DELETE FROM wave_pattern WHERE wave_id = ?", arguments: [wave])
            if let pattern {
                try db.execute(
                    sql: "INSERT INTO wave_pattern (wave_id, min_cell, pattern) VALUES (?, ?, ?)",
                    arguments: [wave, threshold.k, String(decoding: pattern, as: UTF8.self)])
            }
            try audit(db, event)
        }
    }

    /// Two scans and a comparison of digests; the fingerprints are compared one by one only when the digests
    /// differ, to count who changed.
    package func releaseState(wave: String) throws(StoreError) -> WaveReleaseState {
        try read { db in
            guard try isClosed(db, wave: wave) else { return .open }
            return try state(db, wave: wave, now: ReleaseScan(db, wave: wave).fingerprints.digest())
        }
    }

    /// The release is checked from the cohort's own scans and the digest the closing stored: no scan of its own.
    package func cohortTablesAndRelease(
        wave: String, columns: [CohortColumn], leaves: Bool
    ) throws(StoreError) -> (tables: CohortTables, release: WaveReleaseState) {
        let closed = try read { db in try isClosed(db, wave: wave) }
        let extracted = try cohortTables(wave: wave, columns: columns, checkingRelease: closed, leaves: leaves)
        guard let now = extracted.release else { return (extracted.tables, .open) }
        return (extracted.tables, try read { db in try state(db, wave: wave, now: now) })
    }

    private func isClosed(_ db: Database, wave: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT closed_at IS NOT NULL FROM wave WHERE id = ?", arguments: [wave]) == true
    }

    /// A closed wave's state, from the digest of its fingerprints now and at the closing.
    private func state(_ db: Database, wave: String, now: ReleaseDigest) throws -> WaveReleaseState {
        if try now == closingDigest(db, wave: wave) { return .closed }
        return .changedSinceClosing(students: try snapshot(db, wave: wave).changed.count)
    }

    /// The digest the last closing stored, or for a wave with none (copied from another store) the digest of the
    /// fingerprints it kept.
    private func closingDigest(_ db: Database, wave: String) throws -> ReleaseDigest {
        if let text = try String.fetchOne(db, sql: "SELECT release_digest FROM wave WHERE id = ?", arguments: [wave]),
            let digest = ReleaseDigest(text: text)
        {
            return digest
        }
        try checkBeforeReading("wave_release", db)
        return try ReleaseScan.storedDigest(db, wave: wave)
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
        try checkBeforeReading("wave_release", db)
        let waveRow = try Row.fetchOne(db, sql: "SELECT closed_at FROM wave WHERE id = ?", arguments: [wave])
        let scan = try ReleaseScan(db, wave: wave).fingerprints
        var now: [String: String] = [:]
        now.reserveCapacity(scan.count)
        scan.forEach { now[String(decoding: $0, as: UTF8.self)] = String(decoding: $1, as: UTF8.self) }
        var then: [String: String] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT student_id, fingerprint FROM wave_release WHERE wave_id = ?", arguments: [wave])
        while let row = try rows.next() { then[row[0]] = row[1] }
        let pairs = Set(then.keys).union(now.keys).map { (then: then[$0], now: now[$0]) }
        return ReleaseSnapshot(
            exists: waveRow != nil, isClosed: waveRow.map { !($0[0] as DatabaseValue).isNull } ?? false, pairs: pairs,
            digest: scan.digest().text)
    }
}
