import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

extension PostgresStore {
    /// Starts a paper import (see ``PostgresPaperImportStaging``): the same file already imported into the wave
    /// changes nothing.
    ///
    /// The import's transaction begins here with the import's row, which holds the file's place in the wave: a
    /// second import of the same file waits there until this one ends, then finds it (or, if this one failed,
    /// goes on). Imports of other files do not wait for each other. The wave is created first, on its own (as
    /// in the SQLite store), so that lab terminals starting in a new wave never wait for an import.
    package func beginPaperImport(
        wave: String, battery: Battery, path: String, fileHash: String
    ) throws(StoreError) -> PaperImportStart {
        if let earlier = try earlierImport(wave: wave, fileHash: fileHash) { return .alreadyImported(at: earlier) }
        let now = Self.stored(clock())
        do {
            try ensureWave(wave)
            try link.query("BEGIN")
            let inserted = try link.query(
                """
                INSERT INTO import (wave_id, file_hash, path, battery_id, imported_at, "user", records, stored)
                VALUES (\(wave), \(fileHash), \(path), \(battery.id), \(now), \(user), 0, 0)
                ON CONFLICT (wave_id, file_hash) DO NOTHING RETURNING id
                """)
            guard let row = inserted.first else {
                // Another psyscreen imported the file while this one waited for it.
                rollBackPaperImport()
                return .alreadyImported(at: try earlierImport(wave: wave, fileHash: fileHash) ?? now)
            }
            let importID = try row.decode(Int64.self)
            // One row holding every ID: a hundred thousand rows cost the client more to take apart than one array.
            let ids = try link.query("SELECT coalesce(array_agg(student_id), '{}') FROM student")[0].decode([String].self)
            let known = Set(ids)
            let sequence = try link.query("SELECT pg_get_serial_sequence('attempt', 'id')::regclass::oid::bigint")[0].decode(
                Int64.self)
            let writer = PostgresPaperSheetWriter(
                link: link, wave: wave, battery: battery, importID: importID, now: now, sequence: sequence)
            return .staging(PostgresPaperImportStaging(store: self, path: path, fileHash: fileHash, writer: writer, known: known))
        } catch {
            rollBackPaperImport()
            throw storeError(error)
        }
    }

    private func earlierImport(wave: String, fileHash: String) throws(StoreError) -> Date? {
        do {
            return try run("SELECT imported_at FROM import WHERE wave_id = \(wave) AND file_hash = \(fileHash)").first?.decode(
                Date.self)
        } catch {
            throw storeError(error)
        }
    }

    /// Ends a paper import's transaction: deletes the attempts of sheets taken back out (their results go with
    /// them), records the counts and the audit line, and commits — every sheet becomes visible at once. As in the
    /// SQLite store, a paper sheet's answers are kept in the `answers` column of its instrument results only:
    /// the `answer` table holds terminal sittings' items.
    func publishPaper(
        importID: Int64, wave: String, battery: Battery, path: String, fileHash: String, summary: PaperImportSummary,
        dropped: [Int64]
    ) throws(StoreError) -> PaperImportSummary {
        let records = summary.stored + summary.strangers.count
        do {
            if !dropped.isEmpty { try link.query("DELETE FROM attempt WHERE id = ANY(\(dropped))") }
            try link.query("UPDATE import SET records = \(records), stored = \(summary.stored) WHERE id = \(importID)")
            try audit(
                .paperImport(
                    path: path, sha256: String(fileHash.prefix(12)), wave: wave, battery: battery.id, valid: records,
                    stored: summary.stored, notOnRoster: summary.strangers.count))
            try link.query("COMMIT")
            return summary
        } catch {
            rollBackPaperImport()
            throw storeError(error)
        }
    }

    /// Rolls a paper import's transaction back: nothing of it stays. Best effort (a connection gone has rolled
    /// back already).
    func rollBackPaperImport() {
        _ = try? link.query("ROLLBACK")
    }
}
