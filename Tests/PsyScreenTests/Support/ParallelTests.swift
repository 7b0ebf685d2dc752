import Foundation
import PsyScreen
import XCTest

final class ParallelTests: XCTestCase {
    func testMapReturnsEachPartsResultInOrder() {
        XCTAssertEqual(Parallel.map(5) { $0 * $0 }, [0, 1, 4, 9, 16])
        XCTAssertEqual(Parallel.map(1) { "only \($0)" }, ["only 0"])
        XCTAssertEqual(Parallel.map(0) { $0 }, [])
    }

    func testBothReturnsBothResults() {
        let (number, text) = Parallel.both({ (1...100).reduce(0, +) }, { String(repeating: "a", count: 3) })
        XCTAssertEqual(number, 5050)
        XCTAssertEqual(text, "aaa")
    }

    func testMapHalvesIsTheSequentialMap() {
        for count in [0, 1, 511, 512, 513, 10_001] {
            let values = Array(0..<count)
            XCTAssertEqual(Parallel.mapHalves(values) { "\($0 * 3)" }, values.map { "\($0 * 3)" }, "\(count) elements")
        }
    }

    /// The parts meet: each waits for the other's signal, which only parts running at the same time can give,
    /// even with every thread of Dispatch's pool taken by other work (an integrity check beside a report).
    func testPartsRunAtTheSameTimeWhileDispatchsPoolIsBusy() {
        let release = DispatchSemaphore(value: 0)
        let busy = DispatchGroup()
        for _ in 0..<(ProcessInfo.processInfo.activeProcessorCount * 2) {
            DispatchQueue.global().async(group: busy) { release.wait() }
        }
        defer {
            for _ in 0..<(ProcessInfo.processInfo.activeProcessorCount * 2) { release.signal() }
            busy.wait()
        }
        let first = DispatchSemaphore(value: 0), second = DispatchSemaphore(value: 0)
        let (a, b) = Parallel.both(
            { () -> DispatchTimeoutResult in
                first.signal()
                return second.wait(timeout: .now() + 10)
            },
            { () -> DispatchTimeoutResult in
                second.signal()
                return first.wait(timeout: .now() + 10)
            })
        XCTAssertEqual(a, .success)
        XCTAssertEqual(b, .success)
        // Three parts: each arrives, then waits until all three have.
        let arrived = Arrivals()
        let met = Parallel.map(3) { _ -> Bool in
            arrived.add()
            let deadline = Date() + 10
            while arrived.count < 3 {
                if Date() > deadline { return false }
                usleep(1_000)
            }
            return true
        }
        XCTAssertEqual(met, [true, true, true])
    }
}

private final class Arrivals: @unchecked Sendable {
    private let lock = NSLock()
    private var arrived = 0

    var count: Int { lock.withLock { arrived } }

    func add() { lock.withLock { arrived += 1 } }
}
