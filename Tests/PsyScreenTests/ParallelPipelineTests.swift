import Foundation
import XCTest

@testable import PsyScreen

/// `Parallel.pipeline`: a producer here and a consumer on a thread of its own, items in order, at most three items
/// at once, and an error on either side stopping both.
final class ParallelPipelineTests: XCTestCase {
    private struct Failure: Error, Equatable { let at: Int }

    /// Events of both sides, in the order they happened.
    private final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [String] = []
        func add(_ event: String) { lock.withLock { events.append(event) } }
        var all: [String] { lock.withLock { events } }
    }

    func testItemsArriveInOrderOnAThreadOfTheirOwn() throws {
        let producer = pthread_self()
        var consumed: [Int] = []
        var sameThread = false
        try Parallel.pipeline(
            produce: { hand in for item in 0..<1000 { try hand(item) } },
            consume: { item in
                consumed.append(item)
                if pthread_equal(pthread_self(), producer) != 0 { sameThread = true }
            })
        XCTAssertEqual(consumed, Array(0..<1000))
        XCTAssertFalse(sameThread)
    }

    /// Making item k + 3 starts only once item k is consumed: three items at most exist at once.
    func testTheProducerIsNeverMoreThanTwoItemsAhead() throws {
        let log = Log()
        try Parallel.pipeline(
            produce: { hand in
                for item in 0..<20 {
                    log.add("make \(item)")
                    try hand(item)
                }
            },
            consume: { item in
                if item == 0 {
                    // The producer goes on while an item is consumed: it begins item 2 before item 0 is done.
                    let deadline = Date().addingTimeInterval(10)
                    while !log.all.contains("make 2") && Date() < deadline { usleep(1000) }
                }
                usleep(2000)  // a slow consumer: a producer not held back would run ahead
                log.add("done \(item)")
            })
        let events = log.all
        XCTAssertEqual(events.filter { $0.hasPrefix("done") }, (0..<20).map { "done \($0)" })
        for item in 3..<20 {
            let made = try XCTUnwrap(events.firstIndex(of: "make \(item)"))
            let done = try XCTUnwrap(events.firstIndex(of: "done \(item - 3)"))
            XCTAssertLessThan(done, made, "item \(item) was begun before item \(item - 3) was consumed")
        }
        XCTAssertLessThan(
            try XCTUnwrap(events.firstIndex(of: "make 2")), try XCTUnwrap(events.firstIndex(of: "done 0")),
            "the producer waited for the consumer")
    }

    func testAConsumerErrorStopsTheProducerAndIsThrown() {
        var made = 0
        var handError: (any Error)?
        XCTAssertThrowsError(
            try Parallel.pipeline(
                produce: { hand in
                    for item in 0..<1000 {
                        made += 1
                        do { try hand(item) } catch {
                            handError = error
                            throw error
                        }
                    }
                },
                consume: { item in if item == 5 { throw Failure(at: item) } })
        ) { error in
            XCTAssertEqual(error as? Failure, Failure(at: 5))
        }
        XCTAssertTrue(handError is BoundedHandOff<Int>.Cancelled)
        XCTAssertLessThanOrEqual(made, 8)
    }

    func testAProducerErrorIsThrownOnceTheItemsHandedOnAreConsumed() {
        var consumed: [Int] = []
        XCTAssertThrowsError(
            try Parallel.pipeline(
                produce: { hand in
                    for item in 0..<3 { try hand(item) }
                    throw Failure(at: 3)
                },
                consume: { consumed.append($0) })
        ) { error in
            XCTAssertEqual(error as? Failure, Failure(at: 3))
        }
        XCTAssertEqual(consumed, [0, 1, 2])
    }

    func testNothingProducedCallsNothing() throws {
        var calls = 0
        try Parallel.pipeline(produce: { (_: (Int) throws -> Void) in }, consume: { _ in calls += 1 })
        XCTAssertEqual(calls, 0)
    }
}
