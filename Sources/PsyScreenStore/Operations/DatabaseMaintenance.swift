import GRDB
import PsyScreen

extension SQLiteStore {
    /// SQLite's full `integrity_check`: `[]` when the file is sound, else SQLite's findings (at most 100).
    package func integrityProblems() throws(StoreError) -> [LocalizedText] {
        let findings = try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(100)") }
        // SQLite's findings, in its words.
        return findings == ["ok"] ? [] : findings.map { LocalizedText(libraryText: $0) }
    }

    /// Copies the database into the empty or new file at `destination` with SQLite's online backup: one
    /// consistent snapshot, taken while other processes (the lab terminals) keep writing, holding everything
    /// committed before it started. The copy is checked with `quick_check` before this returns.
    ///
    /// The caller owns `destination` (created owner-only, renamed into place afterwards); SQLite keeps its mode.
    package func backup(to destination: String) throws(StoreError) {
        do {
            let copy = try DatabaseQueue(path: destination)
            try queue.backup(to: copy)
            // A damaged page comes through the copy as it is: the copy's check speaks of the database.
            try Self.quickCheck(copy, path: path)
            try copy.close()
        } catch let error as StoreError {
            throw error
        } catch {
            // Damage is the database's; anything else (a full disk) is the copy's.
            let damaged = (error as? DatabaseError).map { [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains($0.resultCode) } ?? false
            throw StoreError(path: damaged ? path : destination, error)
        }
    }
}
