import Foundation
import GRDB
import PsyScreen

/// A paper import under way in a SQLite file (``PaperImportStaging``). Sheets are scored as they are read and
/// written as attempts of an import whose state is `staging`, which every read ignores (``SQLiteStore/visible(_:)``); ``publish()`` then makes them all
/// visible at once, in one short transaction.
///
/// So an import is all or nothing — killed midway, its rows stay invisible and the next import removes them — and
/// it holds the database's write lock for a few milliseconds at a time (``PaperSheetWriter/transactionTarget``):
/// lab terminals saving answers get their turn in between instead of waiting for the whole file. Reading and
/// scoring run on the caller's thread while the previous chunk of sheets is written on another.
///
package final class SQLitePaperImportStaging: PaperImportStaging, @unchecked Sendable {
    // The writer and `failure` are used on `queue` only, or by the caller after waiting for it (`queue.sync`).
    let store: SQLiteStore
    let path: String
    let fileHash: String
    private let scorer: BatteryScorer
    private let writer: PaperSheetWriter
    private let queue = DispatchQueue(label: "psyscreen.import.writer")
    /// Chunks handed to the writer and not yet written: at most two, so that reading never runs far ahead.
    private let inFlight = DispatchSemaphore(value: 2)
    /// What stopped the writer (the writer's blocks hold this, never the staging itself, so that it is released
    /// on the caller's thread).
    private let failure = FailureSlot()
    private var pending: [PaperSheetWriter.Sheet] = []
    private var sheetCount = 0
    /// Staged attempts of sheets taken back out.
    private var dropped: [Int64] = []
    private var finished = false
    /// Whether the connection is set for staging (``beginStaging()``).
    private var staging = false

    static let chunkSheets = 512

    init(store: SQLiteStore, wave: String, battery: Battery, path: String, fileHash: String, importID: Int64, now: Date) {
        self.store = store
        self.path = path
        self.fileHash = fileHash
        scorer = BatteryScorer(battery)
        writer = PaperSheetWriter(store: store, wave: wave, battery: battery, importID: importID, now: now)
    }

    deinit {
        if !finished { abandon() }
    }

    /// Scores and stages one sheet (answers per instrument in battery order, each in item order); returns its
    /// number, for ``drop(_:)``.
    @discardableResult
    package func add(studentID: String, line: Int, answers: [[Int?]]) throws(StoreError) -> Int {
        let outcome: BatteryScorer.Outcome
        do throws(ScoringError) {
            outcome = try scorer.score(inOrder: answers)
        } catch {
            throw StoreError(path: path, .atLine(line, error.localized))
        }
        pending.append(
            try .init(
                studentID: StudentID.normalize(studentID), line: line, answers: answers, outcome: outcome,
                battery: writer.battery,
                path: store.path))
        sheetCount += 1
        if pending.count >= Self.chunkSheets { try handOver() }
        return sheetCount - 1
    }

    /// Takes a sheet back out (it repeats an earlier sheet's student ID): it will not be published.
    package func drop(_ sheet: Int) throws(StoreError) {
        try waitForWriter()
        if let id = writer.forget(sheet) { dropped.append(id) }
    }

    /// Makes every staged sheet visible, in one short transaction, with the audit line.
    package func publish() throws(StoreError) -> PaperImportSummary {
        try waitForWriter()
        try endStaging()
        var summary = writer.summary
        for chunk in stride(from: 0, to: dropped.count, by: 512) {
            let ids = dropped[chunk..<min(chunk + 512, dropped.count)]
            try store.write { db in
                for id in ids {
                    if let level = try String.fetchOne(db, sql: "SELECT level FROM attempt WHERE id = ?", arguments: [id]),
                        let level = WarningLevel(rawValue: level)
                    {
                        summary.levels[level, default: 0] -= 1
                        if summary.levels[level] == 0 { summary.levels[level] = nil }
                    }
                    try db.execute(sql: "DELETE FROM attempt WHERE id = ?", arguments: [id])
                    summary.stored -= 1
                }
            }
        }
        dropped = []
        let records = summary.stored + summary.strangers.count
        try store.write { db in
            try db.execute(
                sql:
                    "UPDATE import SET state = 'published', records = ?, stored = ?, holder = NULL, alive_at = NULL WHERE id = ? AND state = 'staging'",
                arguments: [records, summary.stored, writer.importID])
            guard db.changesCount == 1 else { throw store.abandonedImport() }
            try store.audit(
                db,
                .paperImport(
                    path: path, sha256: String(fileHash.prefix(12)), wave: writer.wave, battery: writer.battery.id,
                    valid: records, stored: summary.stored, notOnRoster: summary.strangers.count))
        }
        finished = true
        return summary
    }

    /// Removes what was staged (an error stopped the import). Best effort: a later import removes what is left.
    func abandon() {
        finished = true
        queue.sync {}
        try? endStaging()
        try? store.removeStagedImport(writer.importID)
    }

    /// Hands the pending sheets to the writer queue and goes on reading.
    private func handOver() throws(StoreError) {
        if let error = failure.error { throw error }
        try beginStaging()
        let sheets = pending
        pending = []
        inFlight.wait()
        queue.async { [writer, failure, inFlight] in
            defer { inFlight.signal() }
            guard failure.error == nil else { return }
            do throws(StoreError) {
                try writer.write(sheets)
            } catch {
                failure.error = error
            }
        }
    }

    /// Writes what is pending and waits until the writer is done.
    private func waitForWriter() throws(StoreError) {
        if !pending.isEmpty { try handOver() }
        queue.sync {}
        if let error = failure.error { throw error }
    }

    /// Staged rows need no fsync per transaction (nobody sees them until publish), nor SQLite's foreign-key checks:
    /// each row's parent is known to exist — the student was just looked up, the attempt just inserted, the wave
    /// and the import row were made before the first sheet — and checking costs a lookup and a statement journal
    /// per row. Set once (changing them makes SQLite prepare every statement again). The tests check the keys of
    /// imported rows with `PRAGMA foreign_key_check`.
    private func beginStaging() throws(StoreError) {
        guard !staging else { return }
        try store.setPragmas(synchronous: "NORMAL", foreignKeys: false)
        staging = true
    }

    /// Sets the connection back: the publish commit must survive a power cut, and deletes must cascade.
    private func endStaging() throws(StoreError) {
        guard staging else { return }
        try store.setPragmas(synchronous: "FULL", foreignKeys: true)
        staging = false
    }
}

/// The error that stopped an import's writer thread.
private final class FailureSlot: @unchecked Sendable {
    // Set on the writer's queue, read after `queue.sync`.
    var error: StoreError?
}
