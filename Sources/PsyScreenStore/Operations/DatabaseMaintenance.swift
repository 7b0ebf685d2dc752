import GRDB

extension ScreeningStore {
    /// SQLite's full `integrity_check`: `[]` when the file is sound, else SQLite's findings (at most 100).
    package func integrityProblems() throws(StoreError) -> [String] {
        let findings = try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(100)") }
        return findings == ["ok"] ? [] : findings
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
            try Self.quickCheck(copy, path: destination)
            try copy.close()
        } catch {
            throw error as? StoreError ?? StoreError(path: destination, error)
        }
    }
}
