import Foundation

/// The first error of a parallel loop.
final class ErrorSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ error: any Error) {
        lock.lock()
        if stored == nil { stored = error }
        lock.unlock()
    }
}
