import Foundation
import GRDB
import PsyScreen

/// A record whose student is not on the roster: reported, never stored.
package struct Stranger: Hashable, Sendable {
    package var line: Int
    package var studentID: String
    /// The sheet's answers raise a crisis flag: someone must find the student today.
    package var raisesCrisis: Bool

    package init(line: Int, studentID: String, raisesCrisis: Bool = false) {
        self.line = line
        self.studentID = studentID
        self.raisesCrisis = raisesCrisis
    }
}

/// What a paper import did.
package struct PaperImportSummary: Hashable, Sendable {
    /// Set when this exact file was already imported into the wave: nothing changed.
    package var alreadyImportedAt: Date?
    package var stored: Int
    package var strangers: [Stranger]
    /// Stored attempts per warning level.
    package var levels: [WarningLevel: Int]

    package init(alreadyImportedAt: Date?, stored: Int, strangers: [Stranger], levels: [WarningLevel: Int]) {
        self.alreadyImportedAt = alreadyImportedAt
        self.stored = stored
        self.strangers = strangers
        self.levels = levels
    }
}

extension SQLiteStore {
    /// Starts a paper import of `path` into `wave`: removes what killed imports left, then registers this one as
    /// staging (its sheets invisible until ``PaperImportStaging/publish()``).
    package func beginPaperImport(
        wave: String, battery: Battery, path: String, fileHash: String
    ) throws(StoreError) -> PaperImportStart {
        try removeAbandonedImports()
        let now = clock()
        let started: (id: Int64?, earlier: Date?) = try write { db in
            if let earlier = try Row.fetchOne(
                db, sql: "SELECT imported_at, state, holder, alive_at FROM import WHERE wave_id = ? AND file_hash = ?",
                arguments: [wave, fileHash])
            {
                if earlier["state"] == "published" { return (nil, earlier["imported_at"]) }
                throw StoreError(path: path, .importRunningElsewhere(wave: wave, holder: earlier["holder"] as String? ?? "?"))
            }
            try ensureWave(db, wave)
            try db.execute(
                sql: """
                    INSERT INTO import (wave_id, file_hash, path, battery_id, imported_at, user, records, stored, state, holder, alive_at)
                    VALUES (?, ?, ?, ?, ?, ?, 0, 0, 'staging', ?, ?)
                    """,
                arguments: [wave, fileHash, path, battery.id, now, user, ImportHolder.current, now])
            return (db.lastInsertedRowID, nil)
        }
        guard let id = started.id else { return .alreadyImported(at: started.earlier ?? now) }
        return .staging(
            SQLitePaperImportStaging(
                store: self, wave: wave, battery: battery, path: path, fileHash: fileHash, importID: id, now: now))
    }

    /// Removes the staged rows of imports whose process is gone (killed midway), a few thousand attempts per
    /// transaction so that terminals are never held up for long.
    func removeAbandonedImports() throws(StoreError) {
        let now = clock()
        let staging = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, holder, alive_at FROM import WHERE state = 'staging'")
        }
        for row in staging where !ImportHolder.isAlive(row["holder"], lastSeen: row["alive_at"], now: now) {
            try removeStagedImport(row["id"])
        }
    }

    /// Removes a staging import and its attempts (their answers and results go with them: ON DELETE CASCADE).
    func removeStagedImport(_ id: Int64) throws(StoreError) {
        let range = try read { db in
            try Row.fetchOne(db, sql: "SELECT MIN(id), MAX(id) FROM attempt WHERE import_id = ?", arguments: [id])
        }
        if let first: Int64 = range?[0], let last: Int64 = range?[1] {
            for start in stride(from: first, through: last, by: 2000) {
                try write { db in
                    try db.execute(
                        sql: "DELETE FROM attempt WHERE id BETWEEN ? AND ? AND import_id = ?",
                        arguments: [start, start + 1999, id])
                }
            }
        }
        try write { db in try db.execute(sql: "DELETE FROM import WHERE id = ? AND state = 'staging'", arguments: [id]) }
    }

    func abandonedImport() -> StoreError {
        StoreError(path: path, .importStopped)
    }

    /// `PRAGMA synchronous` and `foreign_keys` for this connection (outside a transaction).
    func setPragmas(synchronous: String, foreignKeys: Bool) throws(StoreError) {
        do {
            try queue.inDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = \(synchronous); PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF")")
            }
        } catch {
            throw StoreError(path: path, error)
        }
    }

    /// SQL that keeps the attempts `alias` of published imports and terminals only: the rows of an import still
    /// being staged (or killed midway) are in the tables, but no read may see them.
    static func visible(_ alias: String) -> String {
        "(\(alias).import_id IS NULL OR \(alias).import_id NOT IN (SELECT id FROM import WHERE state = 'staging'))"
    }
}

/// Dates as GRDB stores them (`2026-09-01 08:00:00.000`, UTC), for values bound through SQLite's C interface.
enum StoredDate {
    static func text(_ date: Date) -> String {
        if case .string(let text) = date.databaseValue.storage { return text }
        return ""
    }
}
