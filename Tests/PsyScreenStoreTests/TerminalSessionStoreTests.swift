import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

class TerminalSessionStoreTests: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        _ = try store.importRoster([Self.student("S1", "张小明")], source: "roster.csv")
    }

    func testEachAnswerIsStoredAndACrisisAnswerIsRedAtOnce() throws {
        let attempt = try store.startTerminalAttempt(wave: "w", studentID: "s1", battery: annual, consented: true)
        try store.saveAnswer(attemptID: attempt, battery: annual, instrumentID: "phq9", itemID: "1", value: 2, seconds: 3)
        XCTAssertEqual(try store.lookUp(wave: "w", studentID: "S1", battery: annual)?.answeredItems, ["phq9/1"])
        let outcome = try store.saveAnswer(
            attemptID: attempt, battery: annual, instrumentID: "phq9", itemID: "9", value: 1, seconds: 4)
        XCTAssertEqual(outcome.assessment.level, .red)
        // The student quits here: the stored attempt is already red.
        let latest = try XCTUnwrap(try counting("S1"))
        XCTAssertEqual(latest.state, .inProgress)
        XCTAssertEqual(latest.assessment.level, .red)
        XCTAssertEqual(latest.answers["phq9"]?[0], 2)
        XCTAssertEqual(try store.register(wave: "w").map(\.student.studentID), ["S1"])
    }

    func testRedSticksWhenTheCrisisAnswerIsChanged() throws {
        let attempt = try store.startTerminalAttempt(wave: "w", studentID: "S1", battery: annual, consented: true)
        try store.saveAnswer(attemptID: attempt, battery: annual, instrumentID: "phq9", itemID: "9", value: 2, seconds: 4)
        let changed = try store.saveAnswer(
            attemptID: attempt, battery: annual, instrumentID: "phq9", itemID: "9", value: 0, seconds: 4)
        XCTAssertEqual(changed.assessment.level, .red)
        XCTAssertEqual(changed.assessment.reasons.map(\.code), ["crisis answer given at the terminal, then changed"])
    }

    func testAResumingTerminalSeesTheSittingSoFarAndTheMaskedName() throws {
        let attempt = try store.startTerminalAttempt(wave: "w", studentID: "S1", battery: annual, consented: true)
        try store.saveAnswer(attemptID: attempt, battery: annual, instrumentID: "phq9", itemID: "2", value: 3, seconds: 2)
        try store.saveAnswer(attemptID: attempt, battery: annual, instrumentID: "gad7", itemID: "1", value: nil, seconds: 1)
        // Another terminal (another process) looks the student up and goes on.
        let other = try makeStore(user: "lab02")
        let lookup = try XCTUnwrap(try other.lookUp(wave: "w", studentID: "s1", battery: annual))
        XCTAssertEqual(lookup.student.maskedName, "张*明")
        XCTAssertEqual(lookup.student.classLabel, "2026 1班")
        XCTAssertEqual(lookup.latestAttempt?.id, attempt)
        XCTAssertEqual(lookup.latestAttempt?.state, .inProgress)
        XCTAssertEqual(lookup.latestAttempt?.answers["phq9"]?[1], 3)
        XCTAssertEqual(lookup.answeredItems, ["phq9/2", "gad7/1"])
        let outcome = try other.saveAnswer(
            attemptID: attempt, battery: annual, instrumentID: "phq9", itemID: "9", value: 1, seconds: 2)
        XCTAssertEqual(outcome.results.first?.scales.first?.answered, 2, "the answers of both sessions are scored")
        XCTAssertNil(try other.lookUp(wave: "w", studentID: "nobody", battery: annual))
    }

    func testARefusalIsCountedApart() throws {
        _ = try store.startTerminalAttempt(wave: "w", studentID: "S1", battery: annual, consented: false)
        let total = try XCTUnwrap(try store.coverage(wave: "w", by: .school).last)
        XCTAssertEqual([total.enrolled, total.screened, total.refused], [1, 0, 1])
    }

    func testFinishingComputesTheSittingTimeRule() throws {
        let attempt = try store.startTerminalAttempt(wave: "w", studentID: "S1", battery: annual, consented: true)
        for instrument in annual.instruments {
            for item in instrument.items {
                try store.saveAnswer(
                    attemptID: attempt, battery: annual, instrumentID: instrument.id, itemID: item.id, value: 0, seconds: 1)
            }
        }
        let outcome = try store.finishAttempt(attemptID: attempt, battery: annual)
        XCTAssertTrue(outcome.isScored)
        XCTAssertEqual(outcome.validity, [.tooFast(seconds: 16, minimum: 32)])
        XCTAssertEqual(
            outcome.results.map(\.validity), [[.tooFast(seconds: 9, minimum: 18)], [.tooFast(seconds: 7, minimum: 14)]])
        XCTAssertEqual(try store.coverage(wave: "w", by: .school).last?.screened, 1)
        // Read back as stored: results and history show what the rules found.
        let stored = try XCTUnwrap(try counting("S1"))
        XCTAssertEqual(stored.validity, [.tooFast(seconds: 16, minimum: 32)])
        XCTAssertEqual(
            stored.results.map(\.validity), [[.tooFast(seconds: 9, minimum: 18)], [.tooFast(seconds: 7, minimum: 14)]])
        XCTAssertEqual(IdentifiedLists.validityCodes(stored, stored.results), "too-fast;phq9.too-fast;gad7.too-fast")
    }
}
