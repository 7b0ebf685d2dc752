import PsyScreen
import PsyScreenTestSupport
import XCTest

final class CESDScoringTests: XCTestCase {
    let engine = Fixtures.engine("cesd")
    static let reversed: Set<Int> = [4, 8, 12, 16]

    /// Raw answers that score `value` on every item (reverse items answered 3 − value).
    func uniform(_ value: Int) -> [Int?] {
        (1...20).map { Self.reversed.contains($0) ? 3 - value : value }
    }

    func testLowestAndHighestNeedTheReverseItemsAnsweredTheOtherWay() throws {
        let lowest = try engine.score(uniform(0))
        XCTAssertEqual(lowest.scale("total")?.score, 0)
        XCTAssertEqual(lowest.validity, [])
        let highest = try engine.score(uniform(3))
        XCTAssertEqual(highest.scale("total")?.score, 60)
        XCTAssertEqual(highest.scale("total")?.bandID, "at-risk")
    }

    func testReverseItemsAreScoredThreeMinusTheAnswer() throws {
        // Only item 4 ("as good as other people") answered 0: scored 3. Everything else scores 0.
        var answers = uniform(0)
        answers[3] = 0
        XCTAssertEqual(try engine.score(answers).scale("total")?.score, 3)
        // Items 4, 8, 12, 16 answered 3 (positive) score 0; answered 0 they score 3 each.
        let allZero: [Int?] = Array(repeating: 0, count: 20)
        XCTAssertEqual(try engine.score(allZero).scale("total")?.score, 12)
    }

    func testTheCutOffAtSixteenOnBothSides() throws {
        var answers = uniform(0)
        for index in [0, 1, 2, 4, 5] { answers[index] = 3 }  // 15
        XCTAssertEqual(try engine.score(answers).scale("total")?.score, 15)
        XCTAssertEqual(try engine.score(answers).scale("total")?.bandID, "below-cutoff")
        answers[6] = 1  // 16
        XCTAssertEqual(try engine.score(answers).scale("total")?.score, 16)
        XCTAssertEqual(try engine.score(answers).scale("total")?.bandID, "at-risk")
    }

    func testStraightLiningIsQuestionable() throws {
        let result = try engine.score(Array(repeating: 2, count: 20))
        XCTAssertEqual(result.validity, [.straightLining(scale: "total")])
        XCTAssertEqual(result.scale("total")?.score, 36)  // 16 × 2 + 4 × 1
    }

    func testUpToFourMissingAreProratedFiveAreNot() throws {
        var answers = uniform(1)  // total 20
        for index in 0..<4 { answers[index] = nil }  // 16 answered, sum 16 → 16 × 20 / 16 = 20
        XCTAssertEqual(try engine.score(answers).scale("total")?.score, 20)
        XCTAssertEqual(try engine.score(answers).status, .prorated)
        answers[4] = nil
        XCTAssertEqual(try engine.score(answers).status, .unscored)
    }
}
