import Foundation

/// Carries values into a synchronous parallel loop whose iterations each touch their own part of them (or only
/// read them): the compiler cannot see that, so this box vouches for it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

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
