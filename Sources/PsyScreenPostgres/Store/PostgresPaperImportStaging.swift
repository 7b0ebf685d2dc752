import Foundation
import PsyScreen
import PsyScreenStore

/// A paper import under way on PostgreSQL (``PaperImportStaging``): its transaction, begun by
/// ``PostgresStore/beginPaperImport(wave:battery:path:fileHash:)`` with the import's row, stays open until
/// ``publish()`` commits it, so nothing is visible before and an import that dies midway leaves nothing.
///
/// Sheets are scored on the caller's thread as they are read, and written by a writer queue a chunk at a time
/// (``PostgresPaperSheetWriter``) while the next chunk is read: the server stores rows while the client scores,
/// instead of one after the other. Sheets of students not on the roster (as the import's role sees it when the
/// import begins) are strangers and never sent; a sheet taken back out (``drop(_:)``) is deleted at publish.
final class PostgresPaperImportStaging: PaperImportStaging, @unchecked Sendable {
    // `writer` and `failure` are used on `queue` only, or by the caller after waiting for it (`queue.sync`).
    /// What became of each sheet, by number.
    private enum Fate {
        case stored(WarningLevel)
        case stranger(Stranger)
        case dropped
    }

    private let store: PostgresStore
    let path: String
    let fileHash: String
    private let scorer: BatteryScorer
    private let writer: PostgresPaperSheetWriter
    /// The roster's student IDs.
    private let known: Set<String>
    /// Binds the rows of the next chunk while the writer sends the previous one.
    private let preparing = DispatchQueue(label: "psyscreen.postgres-import.preparing")
    private let queue = DispatchQueue(label: "psyscreen.postgres-import.writer")
    /// Chunks handed to the writer and not yet written: at most two, so that reading never runs far ahead.
    private let inFlight = DispatchSemaphore(value: 2)
    private let failure = WriterFailure()
    private var fates: [Fate] = []
    private var pending: [PostgresPaperSheetWriter.Sheet] = []
    private var finished = false
    /// Whether a chunk went to the writer.
    private var wroteAChunk = false

    /// Sheets per chunk: a chunk's statements (and their key checks) cost a few milliseconds whatever their size,
    /// and each look their parents up one by one below some thousands of rows; the last chunk is written after
    /// reading ends.
    static let chunkSheets = 16384
    /// The first chunk is smaller, so that the server starts writing soon after reading starts.
    static let firstChunkSheets = 2048

    init(store: PostgresStore, path: String, fileHash: String, writer: PostgresPaperSheetWriter, known: Set<String>) {
        self.store = store
        self.path = path
        self.fileHash = fileHash
        self.writer = writer
        self.known = known
        scorer = BatteryScorer(writer.battery)
    }

    deinit {
        if !finished { abandon() }
    }

    @discardableResult
    func add(studentID: String, line: Int, answers: [[Int?]]) throws(StoreError) -> Int {
        let outcome: BatteryScorer.Outcome
        do throws(ScoringError) {
            outcome = try scorer.score(inOrder: answers)
        } catch {
            throw StoreError(path: path, .atLine(line, error.localized))
        }
        let number = fates.count
        let id = StudentID.normalize(studentID)
        guard known.contains(id) else {
            fates.append(
                .stranger(Stranger(line: line, studentID: id, raisesCrisis: outcome.results.contains(where: \.hasCrisis))))
            return number
        }
        fates.append(.stored(outcome.assessment.level))
        pending.append(.init(number: number, studentID: id, line: line, answers: answers, outcome: outcome))
        if pending.count >= (wroteAChunk ? Self.chunkSheets : Self.firstChunkSheets) { try handOver() }
        return number
    }

    func drop(_ sheet: Int) throws(StoreError) {
        guard fates.indices.contains(sheet) else { return }
        fates[sheet] = .dropped
    }

    func publish() throws(StoreError) -> PaperImportSummary {
        try waitForWriter()
        var summary = PaperImportSummary(alreadyImportedAt: nil, stored: 0, strangers: [], levels: [:])
        var dropped: [Int64] = []
        for (number, fate) in fates.enumerated() {
            switch fate {
            case .stored(let level):
                summary.stored += 1
                summary.levels[level, default: 0] += 1
            case .stranger(let stranger): summary.strangers.append(stranger)
            case .dropped: if let id = writer.attempts[number] { dropped.append(id) }
            }
        }
        fates = []
        finished = true
        return try store.publishPaper(
            importID: writer.importID, wave: writer.wave, battery: writer.battery, path: path, fileHash: fileHash,
            summary: summary, dropped: dropped)
    }

    /// Rolls the import's transaction back (an error stopped the import).
    private func abandon() {
        finished = true
        preparing.sync {}
        queue.sync {}
        store.rollBackPaperImport()
    }

    /// Hands the pending sheets (less those taken back out meanwhile) to the writer queue and goes on reading.
    private func handOver() throws(StoreError) {
        if let error = failure.error { throw store.storeError(error) }
        let sheets = pending.filter { if case .dropped = fates[$0.number] { false } else { true } }
        pending = []
        wroteAChunk = true
        inFlight.wait()
        preparing.async { [writer, failure, inFlight, queue] in
            let chunk = writer.prepare(sheets)
            queue.async {
                defer { inFlight.signal() }
                guard failure.error == nil else { return }
                do {
                    try writer.write(chunk)
                } catch {
                    failure.error = error
                }
            }
        }
    }

    /// Writes what is pending and waits until the writer is done.
    private func waitForWriter() throws(StoreError) {
        if !pending.isEmpty { try handOver() }
        preparing.sync {}
        queue.sync {}
        if let error = failure.error { throw store.storeError(error) }
    }
}

/// The error that stopped an import's writer queue.
private final class WriterFailure: @unchecked Sendable {
    // Set on the writer's queue, read after `queue.sync`.
    var error: (any Error)?
}
