import PsyScreen
import PsyScreenTestSupport
import XCTest

/// GAD-7 against the published key: sum 0–21; bands 0–4, 5–9, 10–14, 15–21; no score with any item missing.
final class GAD7ScoringTests: XCTestCase {
    let engine = Fixtures.engine("gad7")

    func answers(total: Int) -> [Int?] {
        var remaining = total
        return (0..<7).map { _ in
            let value = min(3, remaining)
            remaining -= value
            return value
        }
    }

    func testLowestHighestAndEveryBoundary() throws {
        let expected: [(Int, String)] = [
            (0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
            (15, "severe"), (21, "severe"),
        ]
        for (total, band) in expected {
            let result = try engine.score(answers(total: total))
            XCTAssertEqual(result.scale("total")?.score, Double(total))
            XCTAssertEqual(result.scale("total")?.bandID, band, "total \(total)")
            XCTAssertEqual(result.status, .complete)
            XCTAssertEqual(result.flags, [])
        }
    }

    func testAnyMissingItemLeavesItUnscored() throws {
        let result = try engine.score([3, 3, 3, 3, 3, 3, nil])
        XCTAssertNil(result.scale("total")?.score)
        XCTAssertEqual(result.status, .unscored)
    }

    func testAnnualPolicyLevels() throws {
        let battery = try XCTUnwrap(Fixtures.catalog.battery("annual"))
        let phq9 = Fixtures.engine("phq9")
        func level(_ phq: [Int?], _ gad: [Int?]) throws -> WarningLevel {
            battery.policy.assess([try phq9.score(phq), try engine.score(gad)]).level
        }
        let zeroPHQ: [Int?] = Array(repeating: 0, count: 9)
        XCTAssertEqual(try level(zeroPHQ, answers(total: 9)), WarningLevel.none)
        XCTAssertEqual(try level(zeroPHQ, answers(total: 10)), .yellow)
        XCTAssertEqual(try level(zeroPHQ, answers(total: 14)), .yellow)
        XCTAssertEqual(try level(zeroPHQ, answers(total: 15)), .orange)
        XCTAssertEqual(try level([3, 3, 3, 3, 3, 0, 0, 0, 0], answers(total: 0)), .orange)  // PHQ-9 = 15
        XCTAssertEqual(try level([3, 3, 3, 3, 2, 0, 0, 0, 0], answers(total: 0)), .yellow)  // PHQ-9 = 14
        XCTAssertEqual(try level([0, 0, 0, 0, 0, 0, 0, 0, 1], answers(total: 21)), .red)
    }
}
