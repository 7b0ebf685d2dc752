import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes named temporary files when the process is interrupted (SIGINT, SIGTERM, SIGHUP), so that Ctrl-C in
/// the middle of a long export leaves nothing behind.
///
/// ``AtomicFileWriter`` registers its temporary file here; a command that wants the cleanup calls
/// ``installSignalHandlers()`` once at start. The handler only calls `unlink`, `signal` and `raise`, which are
/// async-signal-safe, on paths kept in fixed slots written before they are marked in use; then it re-raises the
/// signal with the default action, so the exit status still says "killed by SIGINT".
///
/// Files that need no name (scratch files) are unlinked as soon as they are created and need no registration.
///
/// Blocking signals only protects the calling thread: the kernel may deliver SIGINT to another thread while this
/// one is between `mkstemp` and ``register(_:)``. So a creating section is also announced in an atomic counter; a
/// handler that sees one in progress leaves the signal pending and the section acts on it when it ends. A section
/// that starts after a handler has begun terminating creates nothing (Dekker's handshake over two atomics).
package enum TemporaryFileCleanup {
    static let slotCount = 64
    static let pathCapacity = Int(PATH_MAX)

    /// `slotCount` NUL-terminated paths; a slot is read by the handler only while its flag is 1.
    private nonisolated(unsafe) static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * pathCapacity)
    private nonisolated(unsafe) static let inUse: UnsafeMutablePointer<Int32> = {
        let flags = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
        flags.initialize(repeating: 0, count: slotCount)
        return flags
    }()
    private static let lock = NSLock()

    /// A registration, to pass back to ``unregister(_:)``; `nil` when every slot was taken (the file is then
    /// removed only by the normal paths).
    package struct Token: Sendable {
        let slot: Int
    }

    /// Removes `path` if the process is interrupted before ``unregister(_:)``.
    package static func register(_ path: String) -> Token? {
        let bytes = Array(path.utf8)
        guard bytes.count < pathCapacity else { return nil }
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<slotCount where inUse[slot] == 0 {
            let target = paths + slot * pathCapacity
            bytes.withUnsafeBufferPointer { source in
                UnsafeMutableRawPointer(target).copyMemory(from: source.baseAddress!, byteCount: bytes.count)
            }
            target[bytes.count] = 0
            inUse[slot] = 1
            return Token(slot: slot)
        }
        return nil
    }

    /// Forgets a registration (after the file was renamed or removed).
    package static func unregister(_ token: Token?) {
        guard let token else { return }
        lock.lock()
        inUse[token.slot] = 0
        lock.unlock()
    }

    /// The signals that mean "stop now": interrupt, terminate, hang-up.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handler for SIGINT, SIGTERM and SIGHUP (idempotent).
    package static func installSignalHandlers() {
        // Touch the lazily initialized statics now: initializing them inside the handler would not be safe.
        _ = paths
        _ = inUse
        for signalNumber in signals {
            _ = signal(signalNumber, temporaryFileSignalHandler)
        }
    }

    /// Runs `body` with the interrupting signals blocked, so that a file cannot be created and then missed by
    /// the handler (between `mkstemp` and ``register(_:)``, or between `mkstemp` and `unlink`).
    package static func withSignalsBlocked<Result>(_ body: () throws -> Result) rethrows -> Result {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signalNumber in signals { sigaddset(&blocked, signalNumber) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        creatingSections.add(1, ordering: .sequentiallyConsistent)
        if terminatingSignal.load(ordering: .sequentiallyConsistent) != 0 {
            // A handler on another thread is already removing the files: create nothing, let it finish.
            endCreatingSection(restoring: &previous)
            while true { pause() }
        }
        defer { endCreatingSection(restoring: &previous) }
        return try body()
    }

    /// Ends a creating section; the last one to end acts on a signal that arrived meanwhile.
    private static func endCreatingSection(restoring previous: inout sigset_t) {
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        let remaining = creatingSections.subtract(1, ordering: .sequentiallyConsistent).newValue
        let pending = pendingSignal.load(ordering: .sequentiallyConsistent)
        if remaining == 0, pending != 0 { terminate(pending) }
    }

    /// Removes the registered files and ends the process with `signalNumber`'s default action.
    fileprivate static func terminate(_ signalNumber: Int32) {
        removeAll()
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }

    fileprivate static func removeAll() {
        for slot in 0..<slotCount where inUse[slot] != 0 {
            unlink(paths + slot * pathCapacity)
        }
    }
}

/// Creating sections in progress on any thread, and the signal that stopped the process (0 = none yet).
private let creatingSections = Atomic<Int>(0)
private let terminatingSignal = Atomic<Int32>(0)
/// A signal that arrived while a section was creating a file; acted on when the last section ends.
private let pendingSignal = Atomic<Int32>(0)

private func temporaryFileSignalHandler(_ signalNumber: Int32) {
    terminatingSignal.store(signalNumber, ordering: .sequentiallyConsistent)
    if creatingSections.load(ordering: .sequentiallyConsistent) > 0 {
        pendingSignal.store(signalNumber, ordering: .sequentiallyConsistent)
        return
    }
    TemporaryFileCleanup.terminate(signalNumber)
}
