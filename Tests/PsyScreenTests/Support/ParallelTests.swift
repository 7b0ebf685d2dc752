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
}
