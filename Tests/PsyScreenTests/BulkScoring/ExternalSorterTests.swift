import PsyScreen
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
}
