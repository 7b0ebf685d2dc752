import Foundation

/// Pure work split into a few independent parts run on the cores at once (halves of a million students, the
/// sections of a report): each part reads what it is given and returns its own result.
package enum Parallel {
    /// `body(0) … body(count − 1)` run at the same time; the results in that order.
    package static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        map(Array(0..<count), threads: count, body)
    }

    /// `body` of each of `items` on up to `threads` threads: each thread takes the next item not yet taken, so a
    /// long one does not hold up the rest, and each call runs wholly on one thread (what it creates there, such as
    /// GLPK's programs, it can delete there). The results in `items`' order, whichever finished first.
    package static func map<Item, T>(_ items: [Item], threads: Int, _ body: (Item) -> T) -> [T] {
        guard threads > 1, items.count > 1 else { return items.map(body) }
        let results = Results<T>(count: items.count)
        withoutActuallyEscaping(body) { body in
            // Each part only reads what it shares with the others and writes its own slot, under the lock.
            let work = UncheckedSendable((body, items))
            DispatchQueue.concurrentPerform(iterations: min(threads, items.count)) { _ in
                while let index = results.next() { results.set(index, work.value.0(work.value.1[index])) }
            }
        }
        return results.values.map { $0! }
    }

    /// `first` and `second` run at the same time.
    package static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        var a: A?
        var b: B?
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let parts = UncheckedSendable((first, second))
                let slots = UncheckedSendable(Slots(first: { a = $0 }, second: { b = $0 }))
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    if part == 0 { slots.value.first(parts.value.0()) } else { slots.value.second(parts.value.1()) }
                }
            }
        }
        return (a!, b!)
    }

    private struct Slots<A, B> {
        let first: (A) -> Void
        let second: (B) -> Void
    }

    private final class Results<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var taken = 0
        private(set) var values: [T?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        /// The next part no thread has taken yet.
        func next() -> Int? {
            lock.withLock {
                guard taken < values.count else { return nil }
                taken += 1
                return taken - 1
            }
        }

        func set(_ index: Int, _ value: T) { lock.withLock { values[index] = value } }
    }
}

extension Parallel {
    /// `transform` of every element, the two halves of `elements` at once; in order. Short arrays are mapped here.
    package static func mapHalves<S, T>(_ elements: [S], _ transform: (S) -> T) -> [T] {
        let middle = elements.count / 2
        guard middle >= 256 else { return elements.map(transform) }
        let halves = map(2) { part in (part == 0 ? elements[..<middle] : elements[middle...]).map(transform) }
        return halves[0] + halves[1]
    }
}
