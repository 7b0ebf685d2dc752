import Foundation

/// Independent pieces of the audit's work on a few threads, results in the pieces' order.
enum AuditThreads {
    /// `body` of each of `items` on up to `threads` threads: each thread takes the next item not yet taken, so a
    /// long one does not hold up the rest. Each call runs wholly on one thread (what it creates of GLPK's is
    /// deleted there). Results come back in `items`' order, whichever finished first.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], threads: Int, _ body: @escaping @Sendable (Item) -> Result
    ) -> [Result] {
        guard threads > 1, items.count > 1 else { return items.map(body) }
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: min(threads, items.count)) { _ in
            while let index = slots.next() { slots.store(body(items[index]), at: index) }
        }
        return slots.results()
    }

    /// The next item to take and the results so far, behind one lock.
    private final class Slots<Result>: @unchecked Sendable {
        private let lock = NSLock()
        private var taken = 0
        private var stored: [Result?]

        init(count: Int) { stored = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard taken < stored.count else { return nil }
            taken += 1
            return taken - 1
        }

        func store(_ result: Result, at index: Int) {
            lock.lock()
            stored[index] = result
            lock.unlock()
        }

        func results() -> [Result] {
            lock.lock()
            defer { lock.unlock() }
            return stored.map { $0! }
        }
    }
}
