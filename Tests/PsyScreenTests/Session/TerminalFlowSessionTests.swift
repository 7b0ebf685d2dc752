import Foundation
import PsyScreen
import XCTest

/// Crisis help, resuming, and how a session ends: EOF, Ctrl-C, the kiosk's idle timeout.
final class TerminalFlowSessionTests: XCTestCase {
    static let crisis = FlowHarness.annual.crisis.text(in: "en")

    func testACrisisAnswerShowsTheCrisisTextAtOnceBeforeTheNextItem() {
        var harness = FlowHarness()
        harness.begin()
        harness.type(Array(repeating: "0", count: 8))
        harness.type("2")
        XCTAssertEqual(harness.lastOutputs.first, .crisis(Self.crisis))
        XCTAssertEqual(harness.lastOutputs[4], .text("[10/16] Feeling nervous, anxious, or on edge"))
        XCTAssertTrue(Self.crisis.contains("12356"))
        // Once per session: changing the answer and giving it again does not repeat it.
        harness.type(["b", "0", "b", "3"])
        XCTAssertEqual(harness.transcript.components(separatedBy: Self.crisis).count - 1, 1)
    }

    func testNoCrisisTextWhenItem9IsZero() {
        var harness = FlowHarness()
        harness.begin()
        harness.type(Array(repeating: "3", count: 8) + ["0"] + Array(repeating: "3", count: 7))
        XCTAssertFalse(harness.transcript.contains(Self.crisis))
        XCTAssertFalse(harness.lastOutputs.contains { if case .crisis = $0 { true } else { false } })
        XCTAssertEqual(harness.exitStatus, 0)
    }

    func testResumeContinuesAtTheFirstUnansweredItemWithoutAskingConsent() {
        var harness = FlowHarness()
        let answered: Set<String> = ["phq9/1", "phq9/2", "phq9/3", "phq9/4", "phq9/5"]
        harness.roster["S1"]?.latestAttempt = FlowHarness.attempt(
            state: .inProgress, answers: ["phq9": [2, nil, 1, 0, 3]])
        harness.roster["S1"]?.answeredItems = answered
        harness.start()
        harness.type(["S1", "y"])
        XCTAssertEqual(
            harness.lastOutputs,
            [
                .notice("Welcome back. Your earlier answers are saved; continuing at question 6 of 16."), .text(""),
                .text("Patient Health Questionnaire (PHQ-9)"),
                .text("Over the last 2 weeks, how often have you been bothered by any of the following problems?\n"),
                .text(
                    "Type the number of your answer and press Enter. b back, s skip, q stop for now (answers are saved), ? help.\n"
                ),
                .text("[6/16] Feeling bad about yourself — or that you are a failure or have let yourself or your family down"),
                .options(["0 Not at all", "1 Several days", "2 More than half the days", "3 Nearly every day"]),
                .prompt("Your answer (0–3): "),
            ])
        XCTAssertFalse(harness.transcript.contains("Do you agree"))
        // The earlier answers are known: back shows one, and item 2 counts as skipped for the skip rule.
        harness.type("b")
        XCTAssertEqual(harness.lastOutputs[3], .text("(current answer: 3 Nearly every day; Enter keeps it)"))
        harness.type(["3", "s", "s"])
        XCTAssertEqual(
            harness.lastOutputs.first,
            .notice(
                "This question cannot be skipped: at most 2 questions of this questionnaire may be skipped, and you have skipped 2."
            ))
        XCTAssertEqual(
            harness.effects.first(where: { if case .saveAnswer = $0 { true } else { false } }),
            .saveAnswer(attemptID: 3, instrumentID: "phq9", itemID: "5", value: 3, seconds: 1))
    }

    func testAResumedAttemptWithEveryItemSavedIsFinished() {
        var harness = FlowHarness()
        let battery = FlowHarness.annual
        harness.roster["S1"]?.latestAttempt = FlowHarness.attempt(state: .inProgress)
        harness.roster["S1"]?.answeredItems = Set(battery.instruments.flatMap { i in i.items.map { "\(i.id)/\($0.id)" } })
        harness.start()
        harness.type(["S1", "y"])
        XCTAssertEqual(harness.effects.last, .finishAttempt(attemptID: 3))
        XCTAssertEqual(harness.lastOutputs, [.text(""), .text(TerminalFlowTests.closing)])
    }

    func testAPaperSheetOrAnotherBatteryIsNotResumed() {
        var harness = FlowHarness()
        harness.roster["S1"]?.latestAttempt = FlowHarness.attempt(state: .finished, source: .paper)
        harness.start()
        harness.type(["S1", "y"])
        XCTAssertEqual(harness.lastOutputs, [.text("You have already completed this screening. Thank you!")])
    }

    func testEndOfInputMidwayKeepsProgressAndExitsZero() {
        var harness = FlowHarness()
        harness.begin()
        harness.type(["1", "2"])
        harness.send(.endOfInput)
        XCTAssertEqual(harness.lastOutputs, [.text(""), .notice("Input ended; your answers are saved.")])
        XCTAssertEqual(harness.exitStatus, 0)
        XCTAssertEqual(harness.savedEffects.count, 2)
    }

    func testCtrlCEndsAPlainSessionWith130() {
        var harness = FlowHarness()
        harness.begin()
        harness.type("1")
        harness.send(.interrupted)
        XCTAssertEqual(harness.lastOutputs, [.text(""), .notice("Interrupted; your answers are saved.")])
        XCTAssertEqual(harness.exitStatus, 130)
    }

    func testTheKioskClearsTheScreenAfterEachStudentAndNeverEnds() {
        var harness = FlowHarness(kiosk: true)
        harness.begin()
        harness.type(Array(repeating: "1", count: 16))
        XCTAssertEqual(
            harness.lastOutputs, [.text(""), .text(TerminalFlowTests.closing), .text(""), .prompt("Press Enter to finish.")])
        XCTAssertNil(harness.exitStatus)
        harness.type("")
        XCTAssertEqual(
            harness.lastOutputs, [.clearScreen, .text("Annual mental health screening\n"), .prompt("Your student ID: ")])
        // Ctrl-C in the middle of the next student: that session ends, the kiosk goes on.
        harness.type(["S1", "y"])
        harness.send(.interrupted)
        XCTAssertEqual(
            harness.lastOutputs, [.clearScreen, .text("Annual mental health screening\n"), .prompt("Your student ID: ")])
        XCTAssertNil(harness.exitStatus)
        // Ctrl-C at the ID prompt does not end it either.
        harness.send(.interrupted)
        XCTAssertNil(harness.exitStatus)
        XCTAssertEqual(harness.flow.phase, .askingID)
    }

    func testTheKioskIdleTimeoutClosesTheSessionButNotAnEmptyPrompt() {
        var harness = FlowHarness(kiosk: true)
        harness.start()
        harness.send(.idleTimeout)
        XCTAssertEqual(harness.lastOutputs, [])
        harness.type(["S1", "y", "y", "2"])
        harness.send(.idleTimeout)
        XCTAssertEqual(harness.lastOutputs.first, .clearScreen)
        XCTAssertEqual(harness.flow.phase, .askingID)
        XCTAssertFalse(harness.flow.hasStudent)
        XCTAssertEqual(harness.answers("phq9").first, 2)
        // Without --kiosk a slow student is never timed out.
        var plain = FlowHarness()
        plain.begin()
        plain.send(.idleTimeout)
        XCTAssertEqual(plain.lastOutputs, [])
        XCTAssertEqual(plain.flow.phase, .answering)
    }

    func testTheKioskClearsTheScreenAtEndOfInput() {
        var harness = FlowHarness(kiosk: true)
        harness.begin()
        harness.send(.endOfInput)
        XCTAssertEqual(harness.lastOutputs, [.text(""), .notice("Input ended; your answers are saved."), .clearScreen])
        XCTAssertEqual(harness.exitStatus, 0)
    }
}
