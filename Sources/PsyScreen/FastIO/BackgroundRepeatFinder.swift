import Foundation

/// Runs a ``RepeatedIDFinder`` on a second thread while the records are being scored: hashing, logging and
/// sorting the IDs take about as long as scoring them, and a second core can do it at the same time.
///
/// The scoring thread appends each written record's ID and position to a batch (a plain byte buffer); full
/// batches go to the worker through a small queue and come back empty, so memory is a few batches whatever the
/// input. The finder is touched only by the worker until ``finish(meanwhile:)`` has waited for it (the lock orders the two),
/// and then only by the caller.
final class BackgroundRepeatFinder: @unchecked Sendable {
    private let finder: RepeatedIDFinder
    private let batchSize: Int
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var empty: [UnsafeMutableRawPointer] = []
    private var queued: [(bytes: UnsafeMutableRawPointer, count: Int, owned: Bool)] = []
    private var closed = false
    private var cancelled = false
    private var workerDone = false
    private var failure: (any Error)?
    // The scoring thread's batch and its fill, in fixed cells so that appending costs no exclusivity check.
    private let current: FixedBuffer<UnsafeMutableRawPointer>
    private let used = FixedBuffer(repeating: 0, count: 1)
    private let allBatches: [UnsafeMutableRawPointer]

    private struct EntryHeader {
        var line: Int
        var outputOffset: Int
        var outputLength: Int
        var tag: UInt32
        var idLength: UInt32
    }

    private static let headerSize = MemoryLayout<EntryHeader>.size

    init(_ finder: RepeatedIDFinder, batchSize: Int = 1 << 20, batches: Int = 3) {
        precondition(batches >= 2 && batchSize >= 64)
        self.finder = finder
        self.batchSize = batchSize
        allBatches = (0..<batches).map { _ in .allocate(byteCount: batchSize, alignment: 8) }
        empty = Array(allBatches.dropFirst())
        current = FixedBuffer(repeating: allBatches[0], count: 1)
        let thread = Thread { [self] in work() }
        thread.name = "psyscreen repeated IDs"
        thread.start()
    }

    deinit {
        for batch in allBatches { batch.deallocate() }
    }

    /// Queues the ID in `column` of a written record (see ``RepeatedIDFinder/add(_:line:outputOffset:outputLength:tag:)``).
    @inline(__always)
    func add(_ record: TableRecord, column: Int, outputOffset: Int, outputLength: Int, tag: UInt32) throws {
        let id = record.bytes(at: column), line = record.line
        let size = Self.headerSize &+ id.count
        if used[0] &+ size > batchSize { try handOver(needing: size) }
        var target = current[0] + used[0]
        var bytes = current[0]
        if size > batchSize {  // a giant ID cell: a batch of its own
            bytes = .allocate(byteCount: size, alignment: 8)
            target = bytes
        }
        target.storeBytes(
            of: EntryHeader(
                line: line, outputOffset: outputOffset, outputLength: outputLength, tag: tag, idLength: UInt32(id.count)),
            as: EntryHeader.self)
        if let base = id.baseAddress { (target + Self.headerSize).copyMemory(from: base, byteCount: id.count) }
        if size > batchSize {
            do {
                try enqueue(bytes, count: size, owned: true)
            } catch {
                bytes.deallocate()  // not queued: still ours
                throw error
            }
        } else {
            used[0] &+= size
        }
    }

    /// Lets the worker take in everything queued and find the repeats (``RepeatedIDFinder/findRepeats()``),
    /// running `meanwhile` on this thread; then returns the finder, ready for
    /// ``RepeatedIDFinder/forEachRepeat(_:)``. Rethrows what the worker met (a full disk).
    func finish(meanwhile: () -> Void = {}) throws -> RepeatedIDFinder {
        condition.lock()
        if used[0] > 0 { queued.append((current[0], used[0], false)) }
        used[0] = 0
        closed = true
        condition.broadcast()
        condition.unlock()
        meanwhile()
        condition.lock()
        while !workerDone { condition.wait() }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
        return finder
    }

    /// Stops the worker without finishing (after a failure elsewhere) and waits for it, so that no thread outlives
    /// the run. Does nothing after ``finish(meanwhile:)``.
    func cancel() {
        condition.lock()
        closed = true
        cancelled = true
        condition.broadcast()
        while !workerDone { condition.wait() }
        condition.unlock()
    }

    /// Queues the current batch and takes an empty one, waiting for the worker if it is behind.
    private func handOver(needing size: Int) throws {
        guard used[0] > 0 else { return }
        condition.lock()
        defer { condition.unlock() }
        queued.append((current[0], used[0], false))
        condition.broadcast()
        while empty.isEmpty && failure == nil { condition.wait() }
        if let failure { throw failure }
        current[0] = empty.removeLast()
        used[0] = 0
    }

    private func enqueue(_ bytes: UnsafeMutableRawPointer, count: Int, owned: Bool) throws {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        queued.append((bytes, count, owned))
        condition.broadcast()
    }

    private func work() {
        while true {
            condition.lock()
            while queued.isEmpty && !closed { condition.wait() }
            if queued.isEmpty {
                if !cancelled && failure == nil {
                    condition.unlock()
                    var error: (any Error)?
                    do { try finder.findRepeats() } catch let thrown { error = thrown }
                    condition.lock()
                    if let error { failure = error }
                }
                workerDone = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = queued.removeFirst()
            let failed = failure != nil || cancelled
            condition.unlock()
            var error: (any Error)?
            if !failed {
                do { try process(batch.bytes, count: batch.count) } catch let thrown { error = thrown }
            }
            condition.lock()
            if let error, failure == nil { failure = error }
            if batch.owned { batch.bytes.deallocate() } else { empty.append(batch.bytes) }
            condition.broadcast()
            condition.unlock()
        }
    }

    private func process(_ bytes: UnsafeMutableRawPointer, count: Int) throws {
        var offset = 0
        while offset < count {
            let header = bytes.loadUnaligned(fromByteOffset: offset, as: EntryHeader.self)
            let id = UnsafeBufferPointer(
                start: (bytes + offset + Self.headerSize).assumingMemoryBound(to: UInt8.self), count: Int(header.idLength))
            try finder.add(
                id, line: header.line, outputOffset: header.outputOffset, outputLength: header.outputLength, tag: header.tag)
            offset += Self.headerSize + Int(header.idLength)
        }
    }
}
