import PsyScreen
import PsyScreenTestSupport
import XCTest

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
