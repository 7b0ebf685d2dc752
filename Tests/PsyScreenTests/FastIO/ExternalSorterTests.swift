import Foundation
@testable import PsyScreen
import PsyScreenTestSupport
import XCTest

final class ExternalSorterTests: XCTestCase {
    func sorted(_ values: [UInt64], capacity: Int, fanIn: Int) throws -> (result: [UInt64], runs: Int) {
        let scratch = try ScratchDirectory()
        let sorter = ExternalSorter<UInt64>(capacity: capacity, directory: scratch.path, fanIn: fanIn)
        for value in values { try sorter.append(value) }
        let runs = sorter.spilledRuns
        var result: [UInt64] = []
        try sorter.forEachSorted { result.append($0) }
        XCTAssertEqual(try scratch.listing(), [], "scratch files have no name")
        return (result, runs)
    }

    func testInMemoryWhenEverythingFits() throws {
        let (result, runs) = try sorted([5, 3, 9, 1, 3], capacity: 8, fanIn: 4)
        XCTAssertEqual(result, [1, 3, 3, 5, 9])
        XCTAssertEqual(runs, 0)
    }

    func testNothingToSort() throws {
        XCTAssertEqual(try sorted([], capacity: 4, fanIn: 2).result, [])
    }

    func testManyRunsMergedInSeveralPasses() throws {
        var random = SplitMix64(seed: 42)
        for (count, capacity, fanIn) in [(1000, 7, 2), (1000, 7, 3), (5000, 64, 4), (777, 10, 64), (64, 8, 8), (65, 8, 8)] {
            let values = (0..<count).map { _ in random.next() % 500 }  // with many equal values
            let (result, runs) = try sorted(values, capacity: capacity, fanIn: fanIn)
            XCTAssertEqual(result, values.sorted(), "count \(count) capacity \(capacity) fan-in \(fanIn)")
            XCTAssertEqual(runs, (count - 1) / capacity, "runs spilled before the last buffer")
        }
    }

    func testPartsAreMergedAtTheSameTimeAndTogetherHoldEverythingInOrder() throws {
        var random = SplitMix64(seed: 43)
        // Spread values (like hashes) with many repeated ones, so that equal values must land in one part.
        let values = (0..<20_000).map { _ in random.next() % 3000 &* 0x0055_5555_5555_5555 }
        let scratch = try ScratchDirectory()
        let sorter = ExternalSorter<UInt64>(capacity: 1000, directory: scratch.path, fanIn: 8)
        for value in values { try sorter.append(value) }
        let lock = NSLock()
        var parts: [[UInt64]] = [[], [], [], []]
        try sorter.forEachSorted(parts: 4) { part, value in
            lock.lock()
            parts[part].append(value)
            lock.unlock()
        }
        for part in parts { XCTAssertEqual(part, part.sorted()) }
        XCTAssertEqual(parts.joined().sorted(), values.sorted())
        XCTAssertEqual(Array(parts.joined()), values.sorted(), "parts cover ascending ranges")
        XCTAssertGreaterThan(parts.filter { !$0.isEmpty }.count, 1)
    }
}
