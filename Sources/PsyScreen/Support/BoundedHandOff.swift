import Foundation

/// Values passed from one producer thread to one consumer in order, at most `capacity` waiting: the producer
/// waits when the consumer falls behind, so memory stays bounded. Either side can end it: the producer with
/// ``finish(_:)`` (the consumer then sees the end, or the error), the consumer with ``cancel()`` or
/// ``cancelAndWait()`` (the producer's next ``send(_:)`` throws ``Cancelled``).
final class BoundedHandOff<Element: Sendable>: @unchecked Sendable {
    /// Thrown to the producer once the consumer has gone.
    struct Cancelled: Error {}

    private let capacity: Int
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var queue: [Element] = []
    private var ended = false
    private var failure: (any Error)?
    private var cancelled = false
    private var producerDone = false

    init(capacity: Int) { self.capacity = max(capacity, 1) }

    /// Queues `element`, waiting while `capacity` are queued.
    func send(_ element: Element) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        queue.append(element)
        condition.broadcast()
    }

    /// Ends the hand-off: the consumer gets what is queued, then nil (or `error`).
    func finish(_ error: (any Error)? = nil) {
        condition.lock()
        ended = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Marks the producer's thread as done (after ``finish(_:)``), for ``cancelAndWait()``.
    func producerExited() {
        condition.lock()
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next element, waiting for it; nil at the end. Throws the producer's error once everything before it
    /// was received.
    func receive() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !ended { condition.wait() }
        if !queue.isEmpty {
            // A few elements at most: removing the first costs nothing worth a ring buffer.
            let element = queue.removeFirst()
            condition.broadcast()
            return element
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the producer to stop: its next ``send(_:)`` throws (a producer that this thread joins afterwards,
    /// ``Parallel/pipeline(produce:consume:)``).
    func cancel() {
        condition.lock()
        cancelled = true
        queue = []
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the producer to stop and waits until its thread is done.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        queue = []
        condition.broadcast()
        while !producerDone { condition.wait() }
        condition.unlock()
    }
}
