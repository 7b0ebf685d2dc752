import PsyScreen
import XCTest

/// The one rule for the attempt that counts: the latest, with red sticking within the wave.
final class CountingAttemptTests: XCTestCase {
    func testNoAttemptIsNotScreened() {
        let none = CountingAttempt()
        XCTAssertNil(none.attemptID)
        XCTAssertNil(none.explainingAttemptID)
        XCTAssertEqual(none.state, .notScreened)
        XCTAssertEqual(none.level, .none)
    }

    func testTheLatestCountsInAnyOrderAndRedSticks() {
        let attempts: [(Int64, AttemptState, Bool, WarningLevel)] = [
            (7, .finished, true, .yellow), (3, .finished, true, .red), (9, .finished, false, .none), (5, .refused, false, .none),
        ]
        for order in [attempts, attempts.reversed(), [attempts[2], attempts[0], attempts[3], attempts[1]]] {
            var counting = CountingAttempt()
            for (id, state, scored, level) in order { counting.add(id: id, state: state, scored: scored, level: level) }
            XCTAssertEqual(counting.attemptID, 9)
            XCTAssertEqual(counting.state, .partial, "the latest is not scored")
            XCTAssertEqual(counting.level, .red, "a red attempt of the wave is never hidden by a later calm one")
            XCTAssertEqual(counting.explainingAttemptID, 3)
        }
    }

    func testStatesDerivedOnce() {
        XCTAssertEqual(ScreeningState(.refused, scored: true), .refused)
        XCTAssertEqual(ScreeningState(.finished, scored: true), .screened)
        XCTAssertEqual(ScreeningState(.inProgress, scored: true), .screened, "a terminal attempt scored midway counts")
        XCTAssertEqual(ScreeningState(.finished, scored: false), .partial)
        var counting = CountingAttempt()
        counting.add(id: 1, state: .finished, scored: true, level: .orange)
        XCTAssertEqual(counting.level, .orange)
        XCTAssertEqual(counting.explainingAttemptID, 1)
    }
}
