import Foundation

/// Pure work split into a few independent parts run on the cores at once (halves of a million students, the
/// sections of a report): each part reads what it is given and returns its own result.
package enum Parallel {
    /// `body(0) … body(count − 1)` run at the same time, `body(0)` here and each other on a thread of its own;
    /// the results in that order. Not on Dispatch's pool: with its threads busy (an integrity check beside a
    /// report), `concurrentPerform` runs the parts one after the other on this thread.
    package static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let results = Results<T>(count: count)
        withoutActuallyEscaping(body) { body in
            let threads = (1..<count).map { part in OwnThread { results.set(part, body(part)) } }
            results.set(0, body(0))
            for thread in threads { thread.join() }
        }
        return results.values.map { $0! }
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

    /// `first` and `second` run at the same time: `first` here, `second` on a thread of its own (see
    /// ``map(_:_:)``).
    package static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        var b: B?
        let a = withoutActuallyEscaping(second) { second in
            let thread = OwnThread { b = second() }
            let a = first()
            thread.join()
            return a
        }
        return (a, b!)
    }

    /// A part run on a thread started for it. The part is let go before ``join()`` returns, so that it can be a
    /// closure `withoutActuallyEscaping` lent (Foundation keeps a thread's block as long as the thread object).
    final class OwnThread: @unchecked Sendable {
        // Set here, taken on the thread before `done` is signalled.
        private var part: (() -> Void)?
        private let done = DispatchSemaphore(value: 0)

        init(_ part: @escaping () -> Void) {
            self.part = part
            let thread = Thread { [self] in
                self.part?()
                self.part = nil
                done.signal()
            }
            // A main thread's stack, for parts that recurse as deep as they would there.
            thread.stackSize = 8 << 20
            thread.start()
        }

        func join() { done.wait() }
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
