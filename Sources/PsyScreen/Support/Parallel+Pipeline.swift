import Foundation

extension Parallel {
    /// `produce` here and `consume` on a thread of its own, at the same time: each item `produce` hands on is
    /// consumed there, in order, while `produce` makes the next one (a listing reads a batch of students from the
    /// database while the one before is written out).
    ///
    /// At most two items exist at once, the one being consumed and the one being made: handing an item on waits
    /// until the consumer has taken it. An error on either side stops both; the consumer's is thrown rather than
    /// the producer's (which is then only that it was stopped, ``PipelineStopped``).
    package static func pipeline<Item>(
        produce: (_ hand: (Item) throws -> Void) throws -> Void, consume: (Item) throws -> Void
    ) throws {
        let handoff = Handoff<Item>()
        var consumerError: (any Error)?
        var producerError: (any Error)?
        withoutActuallyEscaping(consume) { consume in
            let thread = OwnThread {
                while let item = handoff.take() {
                    do {
                        try consume(item)
                    } catch {
                        consumerError = error
                        handoff.stop()
                        return
                    }
                }
            }
            do {
                try produce { item in try handoff.put(item) }
            } catch {
                producerError = error
            }
            handoff.close()
            thread.join()
        }
        if let consumerError { throw consumerError }
        if let producerError { throw producerError }
    }

    /// What a producer's hand-over throws once the consumer has stopped on an error of its own.
    package struct PipelineStopped: Error {}

    /// One item passed from the producer to the consumer: put waits until the consumer took it.
    private final class Handoff<Item>: @unchecked Sendable {
        // Everything below is read and written under `condition`'s lock.
        private let condition = NSCondition()
        private var item: Item?
        private var closed = false
        private var stopped = false

        func put(_ item: Item) throws {
            condition.lock()
            defer { condition.unlock() }
            guard !stopped else { throw PipelineStopped() }
            self.item = item
            condition.broadcast()
            while self.item != nil && !stopped { condition.wait() }
            if stopped { throw PipelineStopped() }
        }

        /// The next item, or nil once the producer is done (or the consumer stopped).
        func take() -> Item? {
            condition.lock()
            defer { condition.unlock() }
            while item == nil && !closed && !stopped { condition.wait() }
            guard !stopped, let taken = item else { return nil }
            item = nil
            condition.broadcast()
            return taken
        }

        /// The producer is done: nothing more will come.
        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }

        /// The consumer stopped: the producer's next hand-over throws.
        func stop() {
            condition.lock()
            stopped = true
            item = nil
            condition.broadcast()
            condition.unlock()
        }
    }
}
