import PsyScreen
import PsyScreenTestSupport
import XCTest

/// K10 against hand-computed cases from its published key.
final class K10ScoringTests: XCTestCase {
    let engine = Fixtures.engine("k10")

    func answers(total: Int) -> [Int?] {
        var extra = total - 10
        return (0..<10).map { _ in
            let step = min(4, extra)
            extra -= step
            return 1 + step
        }
    }

    func testLowestHighestAndEveryBoundary() throws {
        let expected: [(Int, String)] = [
            (10, "low"), (15, "low"), (16, "moderate"), (21, "moderate"), (22, "high"), (29, "high"), (30, "very-high"),
            (50, "very-high"),
        ]
        for (total, band) in expected {
            let result = try engine.score(answers(total: total))
            XCTAssertEqual(result.scale("total")?.score, Double(total))
            XCTAssertEqual(result.scale("total")?.bandID, band, "total \(total)")
        }
    }

    func testZeroIsNotAnOptionAndAnyMissingItemLeavesItUnscored() throws {
        XCTAssertThrowsError(try engine.score([0, 1, 1, 1, 1, 1, 1, 1, 1, 1])) { error in
            XCTAssertEqual("\(error)", "k10 item 1: 0 is not one of the options (1, 2, 3, 4, 5)")
        }
        XCTAssertEqual(try engine.score([nil, 5, 5, 5, 5, 5, 5, 5, 5, 5]).status, .unscored)
    }
}
