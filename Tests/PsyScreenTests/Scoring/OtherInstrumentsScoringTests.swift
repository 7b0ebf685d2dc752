import PsyScreen
import PsyScreenTestSupport
import XCTest

/// K10, WHO-5 and CES-D against hand-computed cases from their published keys.
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

final class WHO5ScoringTests: XCTestCase {
    let engine = Fixtures.engine("who5")

    func testRawAndPercentScores() throws {
        let lowest = try engine.score([0, 0, 0, 0, 0])
        XCTAssertEqual(lowest.scale("total")?.score, 0)
        XCTAssertEqual(lowest.scale("percent")?.score, 0)
        XCTAssertEqual(lowest.scale("total")?.bandID, "poor")
        XCTAssertEqual(lowest.flags, ["low-item"])
        let highest = try engine.score([5, 5, 5, 5, 5])
        XCTAssertEqual(highest.scale("total")?.score, 25)
        XCTAssertEqual(highest.scale("percent")?.score, 100)
        XCTAssertEqual(highest.scale("percent")?.bandID, "adequate")
        XCTAssertEqual(highest.flags, [])
    }

    func testTheCutOffAtThirteenOnBothSides() throws {
        let twelve = try engine.score([3, 3, 2, 2, 2])
        XCTAssertEqual(twelve.scale("total")?.score, 12)
        XCTAssertEqual(twelve.scale("total")?.bandID, "poor")
        XCTAssertEqual(twelve.scale("percent")?.score, 48)
        XCTAssertEqual(twelve.scale("percent")?.bandID, "poor")
        let thirteen = try engine.score([3, 3, 3, 2, 2])
        XCTAssertEqual(thirteen.scale("total")?.bandID, "adequate")
        XCTAssertEqual(thirteen.scale("percent")?.score, 52)
        XCTAssertEqual(thirteen.scale("percent")?.bandID, "adequate")
    }

    func testAnyItemAtOneOrLessNeedsFollowUpWhateverTheTotal() throws {
        let result = try engine.score([5, 5, 5, 5, 1])
        XCTAssertEqual(result.scale("total")?.score, 21)
        XCTAssertEqual(result.flags, ["low-item"])
        XCTAssertFalse(result.hasCrisis)
        XCTAssertEqual(try engine.score([5, 5, 5, 5, 2]).flags, [])
    }

    func testAMissingItemLeavesBothScalesUnscoredButTheFlagStands() throws {
        let result = try engine.score([5, 5, 5, 0, nil])
        XCTAssertNil(result.scale("total")?.score)
        XCTAssertNil(result.scale("percent")?.score)
        XCTAssertEqual(result.status, .unscored)
        XCTAssertEqual(result.flags, ["low-item"])
    }
}

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
