import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The writing thread of a ``ByteWriter`` in background mode: full buffers come in through ``exchange(_:count:)``
/// in order, are written to the descriptor one after the other, and go back as empty buffers. A failed write is
/// kept and thrown at the producer's next exchange or drain; nothing after it is written.
final class BackgroundWrites: @unchecked Sendable {
    private let descriptor: Int32
    private let name: String
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var queued: [(bytes: UnsafeMutablePointer<UInt8>, count: Int)] = []
    private var empty: [UnsafeMutablePointer<UInt8>]
    private var writing = false
    private var closed = false
    private var finished = false
    private var failure: (any Error)?
    // The thread's own:
    private let writebackEvery: Int?
    private var written = 0
    private var writebackStart = 0

    init(descriptor: Int32, name: String, capacity: Int, spare: Int, writebackEvery: Int?) {
        self.descriptor = descriptor
        self.name = name
        self.writebackEvery = writebackEvery
        empty = (0..<spare).map { _ in .allocate(capacity: capacity) }
        let thread = Thread { [self] in work() }
        thread.name = "psyscreen output"
        thread.start()
    }

    /// Queues `count` bytes of `bytes` for writing and returns an empty buffer, waiting while none is free. Throws
    /// an earlier failure before taking `bytes` (which then stay the caller's); once queued, a buffer always comes
    /// back, failure or not, so that every buffer has exactly one owner.
    func exchange(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) throws -> UnsafeMutablePointer<UInt8> {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        queued.append((bytes, count))
        condition.broadcast()
        while empty.isEmpty { condition.wait() }
        return empty.removeLast()
    }

    /// Waits until everything queued is written.
    func drain() throws {
        condition.lock()
        defer { condition.unlock() }
        while (!queued.isEmpty || writing) && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// Stops the thread after the queued writes, waits for it and frees the empty buffers: every buffer but the
    /// one the producer holds, which stays the producer's to free.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        for buffer in empty { buffer.deallocate() }
        empty = []
        condition.unlock()
    }

    private func work() {
        condition.lock()
        while true {
            while queued.isEmpty && !closed { condition.wait() }
            if queued.isEmpty { break }
            let next = queued.removeFirst()
            if failure == nil {
                writing = true
                condition.unlock()
                var error: (any Error)?
                do { try ByteWriter.writeAll(descriptor, name, next.bytes, next.count) } catch let thrown { error = thrown }
                written += next.count
                startWriteback()
                condition.lock()
                writing = false
                if let error { failure = error }
            }
            empty.append(next.bytes)
            condition.broadcast()
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Asks the kernel to start writing what is written so far to disk, without waiting, once enough is new.
    private func startWriteback() {
        #if os(Linux)
            guard let every = writebackEvery, written - writebackStart >= every else { return }
            // DONTNEED starts writeback of the dirty pages in the range (and lets go of clean ones: the output is not
            // read back unless rows must be removed).
            _ = posix_fadvise(descriptor, off_t(writebackStart), off_t(written - writebackStart), POSIX_FADV_DONTNEED)
            writebackStart = written
        #endif
    }
}
