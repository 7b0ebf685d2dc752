import Foundation

extension Parallel {
    /// `produce` here and `consume` on a thread of its own, at the same time: each item `produce` hands on is
    /// consumed there, in order, while `produce` makes the next one (a listing reads a batch of students from the
    /// database while the one before is written out).
    ///
    /// The items go through a ``BoundedHandOff`` of one: handing an item on waits while another is waiting, so at
    /// most three exist at once (the one consumed, one waiting, the one being made). An error on either side stops
    /// both; the consumer's is thrown rather than the producer's (which is then only that the consumer was gone,
    /// ``BoundedHandOff/Cancelled``).
    package static func pipeline<Item: Sendable>(
        produce: (_ hand: (Item) throws -> Void) throws -> Void, consume: (Item) throws -> Void
    ) throws {
        let handoff = BoundedHandOff<Item>(capacity: 1)
        var consumerError: (any Error)?
        var producerError: (any Error)?
        withoutActuallyEscaping(consume) { consume in
            let thread = OwnThread {
                do {
                    while let item = try handoff.receive() { try consume(item) }
                } catch {
                    consumerError = error
                    handoff.cancel()
                }
            }
            do {
                try produce { item in try handoff.send(item) }
            } catch {
                producerError = error
            }
            handoff.finish()
            thread.join()
        }
        if let consumerError { throw consumerError }
        if let producerError { throw producerError }
    }
}
