import PsyScreen
import PsyScreenTestSupport
import XCTest

/// PHQ-9 against hand-computed cases from the published key (sum 0–27; bands 0–4, 5–9, 10–14, 15–19, 20–27;
/// prorated when 7 or 8 of 9 are answered; item 9 ≥ 1 is a crisis flag whatever the total).
final class PHQ9ScoringTests: XCTestCase {
    let engine = Fixtures.engine("phq9")

    func score(_ answers: [Int?]) throws -> InstrumentResult { try engine.score(answers) }

    func testAllLowestAndAllHighest() throws {
        let lowest = try score(Array(repeating: 0, count: 9))
        XCTAssertEqual(lowest.scale("total")?.score, 0)
        XCTAssertEqual(lowest.scale("total")?.bandID, "minimal")
        XCTAssertEqual(lowest.status, .complete)
        XCTAssertEqual(lowest.flags, [])

        let highest = try score(Array(repeating: 3, count: 9))
        XCTAssertEqual(highest.scale("total")?.score, 27)
        XCTAssertEqual(highest.scale("total")?.bandID, "severe")
        XCTAssertEqual(highest.flags, ["item9"])
        XCTAssertTrue(highest.hasCrisis)
    }

    /// Totals built from items 1–8 only (item 9 = 0), so the flag stays down.
    func answers(total: Int) -> [Int?] {
        var remaining = total
        var values: [Int?] = []
        for _ in 0..<8 {
            let value = min(3, remaining)
            values.append(value)
            remaining -= value
        }
        precondition(remaining == 0)
        return values + [0]
    }

    func testEveryBandBoundaryOnBothSides() throws {
        let expected: [(Int, String)] = [
            (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
            (15, "moderately-severe"), (19, "moderately-severe"), (20, "severe"), (24, "severe"),
        ]
        for (total, band) in expected {
            let result = try score(answers(total: total))
            XCTAssertEqual(result.scale("total")?.score, Double(total))
            XCTAssertEqual(result.scale("total")?.bandID, band, "total \(total)")
            XCTAssertEqual(result.flags, [])
        }
        // 25–27 need item 9 > 0.
        let result = try score([3, 3, 3, 3, 3, 3, 3, 3, 1])
        XCTAssertEqual(result.scale("total")?.score, 25)
        XCTAssertEqual(result.scale("total")?.bandID, "severe")
    }

    func testOneAndTwoMissingItemsAreProratedRoundingHalfUp() throws {
        // 8 answered summing to 10: 10 × 9 / 8 = 11.25 → 11.
        var one = try score([2, 2, 1, 1, 1, 1, 1, 1, nil])
        XCTAssertEqual(one.scale("total")?.score, 11)
        XCTAssertEqual(one.scale("total")?.answered, 8)
        XCTAssertEqual(one.status, .prorated)
        XCTAssertEqual(one.scale("total")?.bandID, "moderate")
        // 7 answered summing to 7: 7 × 9 / 7 = 9 exactly.
        var two = try score([1, 1, 1, 1, 1, 1, 1, nil, nil])
        XCTAssertEqual(two.scale("total")?.score, 9)
        XCTAssertEqual(two.status, .prorated)
        // 7 answered summing to 5: 45 / 7 = 6.43 → 6; summing to 11: 99 / 7 = 14.14 → 14.
        two = try score([1, 1, 1, 1, 1, 0, 0, nil, nil])
        XCTAssertEqual(two.scale("total")?.score, 6)
        // Half exactly rounds up: 8 answered summing to 12 → 13.5 → 14 (not banker's 14 by accident: try 4 → 4.5 → 5).
        one = try score([1, 1, 1, 1, 0, 0, 0, 0, nil])
        XCTAssertEqual(one.scale("total")?.score, 5)
        XCTAssertEqual(one.scale("total")?.bandID, "mild")
        one = try score([2, 2, 2, 2, 2, 2, 0, 0, nil])
        XCTAssertEqual(one.scale("total")?.score, 14)
    }

    func testThreeMissingItemsAreUnscored() throws {
        let result = try score([3, 3, 3, 3, 3, 3, nil, nil, nil])
        XCTAssertNil(result.scale("total")?.score)
        XCTAssertNil(result.scale("total")?.bandID)
        XCTAssertEqual(result.scale("total")?.answered, 6)
        XCTAssertEqual(result.status, .unscored)
    }

    func testItem9MissingIsNeverImputed() throws {
        // Every other item at 3: the prorated total is 27, but item 9 stays unanswered and raises nothing.
        let result = try score([3, 3, 3, 3, 3, 3, 3, 3, nil])
        XCTAssertEqual(result.scale("total")?.score, 27)
        XCTAssertEqual(result.flags, [])
        XCTAssertFalse(result.hasCrisis)
    }

    func testItem9EndorsedOnAnUnscorableFormStillRaisesTheCrisisFlag() throws {
        let result = try score([nil, nil, nil, nil, nil, nil, nil, nil, 1])
        XCTAssertEqual(result.status, .unscored)
        XCTAssertNil(result.scale("total")?.score)
        XCTAssertEqual(result.flags, ["item9"])
        XCTAssertTrue(result.hasCrisis)
        let battery = try XCTUnwrap(Fixtures.catalog.battery("annual"))
        let assessment = battery.policy.assess([result])
        XCTAssertEqual(assessment.level, .red)
        XCTAssertEqual(assessment.reasons.map(\.code), ["phq9 flag item9"])
    }

    func testAValueThatIsNotAnOptionIsAnErrorNeverClamped() {
        XCTAssertThrowsError(try score([0, 0, 0, 4, 0, 0, 0, 0, 0])) { error in
            XCTAssertEqual(
                (error as? ScoringError)?.description, "phq9 item 4: 4 is not one of the options (0, 1, 2, 3)")
        }
        XCTAssertThrowsError(try score([0, 0, 0, 0, 0, 0, 0, 0, -1]))
    }

    func testAnswersByItemID() throws {
        let result = try engine.score(answers: ["1": 3, "2": 3, "3": 2, "4": 2, "5": 1, "6": 1, "7": 0, "8": 0, "9": 0])
        XCTAssertEqual(result.scale("total")?.score, 12)
        XCTAssertThrowsError(try engine.score(answers: ["10": 1])) { error in
            XCTAssertEqual((error as? ScoringError)?.description, "phq9 has no item '10'")
        }
    }

    func testTooFastIsQuestionable() throws {
        let result = try engine.score(Array(repeating: 0, count: 9), seconds: 12)
        XCTAssertEqual(result.validity, [.tooFast(seconds: 12, minimum: 18)])
        XCTAssertEqual(try engine.score(Array(repeating: 0, count: 9), seconds: 18).validity, [])
    }
}
