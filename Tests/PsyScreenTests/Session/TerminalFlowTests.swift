import Foundation
import PsyScreen
import XCTest

/// The terminal flow without a terminal: identification, consent, answering, finishing.
final class TerminalFlowTests: XCTestCase {
    let phq9 = [1, 2, 0, 3, 1, 0, 2, 1, 0]
    let gad7 = [3, 2, 1, 0, 1, 2, 3]

    func testAFullSessionSavesEveryAnswerInBatteryOrderAndShowsNoScore() {
        var harness = FlowHarness()
        harness.start()
        XCTAssertEqual(harness.transcript, "Annual mental health screening\n\nYour student ID: ")
        harness.type("S1")
        XCTAssertEqual(harness.lastOutputs, [.text("Class: 2026 1班, name: 张*明"), .prompt("Is this you? (y/n) ")])
        harness.type("y")
        XCTAssertEqual(harness.lastOutputs.last, .prompt("Do you agree to take part? (y/n) "))
        XCTAssertTrue(harness.transcript.contains("This is the school's yearly mental health check."))
        harness.type("y")
        XCTAssertEqual(
            harness.lastOutputs,
            [
                .text(""), .text("Patient Health Questionnaire (PHQ-9)"),
                .text("Over the last 2 weeks, how often have you been bothered by any of the following problems?\n"),
                .text(
                    "Type the number of your answer and press Enter. b back, s skip, q stop for now (answers are saved), ? help.\n"
                ),
                .text("[1/16] Little interest or pleasure in doing things"),
                .options(["0 Not at all", "1 Several days", "2 More than half the days", "3 Nearly every day"]),
                .prompt("Your answer (0–3): "),
            ])
        harness.type((phq9 + gad7).map(String.init))
        XCTAssertEqual(harness.answers("phq9"), phq9)
        XCTAssertEqual(harness.answers("gad7"), gad7)
        XCTAssertEqual(harness.savedEffects.count, 16)
        XCTAssertEqual(
            harness.savedEffects.first,
            .saveAnswer(attemptID: 7, instrumentID: "phq9", itemID: "1", value: 1, seconds: 1))
        XCTAssertEqual(harness.effects.last, .finishAttempt(attemptID: 7))
        XCTAssertEqual(harness.effects.first, .lookUpStudent(id: "S1"))
        XCTAssertEqual(harness.effects[1], .startAttempt(studentID: "S1", consented: true))
        XCTAssertEqual(
            harness.lastOutputs,
            [.text(""), .text(Self.closing)])
        XCTAssertEqual(harness.exitStatus, 0)
        XCTAssertEqual(harness.flow.phase, .ended)
        XCTAssertTrue(harness.transcript.contains("Generalized Anxiety Disorder 7-item scale (GAD-7)\nOver the last 2 weeks"))
        XCTAssertTrue(harness.transcript.contains("[16/16] Feeling afraid, as if something awful might happen\n"))
        XCTAssertFalse(harness.transcript.contains("total"))
        XCTAssertFalse(harness.transcript.contains("moderate"))
    }

    func testInstructionsComeOnceBeforeEachInstrumentsFirstItem() {
        var harness = FlowHarness()
        harness.begin()
        harness.type(phq9.map(String.init) + ["b", "1"])
        XCTAssertEqual(harness.transcript.components(separatedBy: "Over the last 2 weeks").count - 1, 2)
        XCTAssertEqual(harness.transcript.components(separatedBy: "(PHQ-9)").count - 1, 1)
    }

    func testTheFlowInChinese() {
        var harness = FlowHarness(language: .chinese)
        harness.start()
        harness.type(["ｓ１", "是"])
        XCTAssertTrue(harness.transcript.hasPrefix("年度心理健康筛查\n\n请输入你的学号：班级：2026 1班　姓名：张*明\n这是你吗？(y/n) \n这是学校每年一次的心理健康筛查"))
        harness.type("是")
        XCTAssertEqual(
            harness.lastOutputs.suffix(3),
            [
                .text("[1/16] 做事时提不起劲或没有兴趣"), .options(["0 完全不会", "1 好几天", "2 一半以上的天数", "3 几乎每天"]),
                .prompt("请输入 0–3："),
            ])
        harness.type("7")
        XCTAssertEqual(harness.lastOutputs, [.notice("7 不是选项，请输入 0–3。"), .prompt("请输入 0–3：")])
    }

    func testAnUnknownIDIsAskedAgain() {
        var harness = FlowHarness()
        harness.start()
        harness.type(" s2 ")
        XCTAssertEqual(
            harness.lastOutputs,
            [
                .notice("The student ID S2 is not on the roster. Check it and type it again, or ask the teacher."),
                .prompt("Your student ID: "),
            ])
        harness.type("")
        XCTAssertEqual(harness.lastOutputs, [.prompt("Your student ID: ")])
        harness.type(["S1", "n"])
        XCTAssertEqual(harness.lastOutputs, [.notice("All right: type your student ID again."), .prompt("Your student ID: ")])
        XCTAssertEqual(harness.effects, [.lookUpStudent(id: "S2"), .lookUpStudent(id: "S1")])
        harness.type(["S1", "maybe"])
        XCTAssertEqual(harness.lastOutputs, [.notice("Please type y (yes) or n (no)."), .prompt("Is this you? (y/n) ")])
    }

    func testARefusalIsStoredAndEndsTheSession() {
        var harness = FlowHarness()
        harness.start()
        harness.type(["S1", "y", "否"])
        XCTAssertEqual(harness.effects.last, .startAttempt(studentID: "S1", consented: false))
        XCTAssertEqual(
            harness.lastOutputs, [.text("All right: you chose not to take part, and this has been recorded. Thank you!")])
        XCTAssertEqual(harness.exitStatus, 0)
    }

    func testAFinishedScreeningIsNotTakenAgainUnlessRetake() {
        var harness = FlowHarness()
        harness.roster["S1"]?.latestAttempt = attempt(state: .finished)
        harness.start()
        harness.type(["S1", "y"])
        XCTAssertEqual(harness.lastOutputs, [.text("You have already completed this screening. Thank you!")])
        XCTAssertEqual(harness.exitStatus, 0)
        XCTAssertEqual(harness.effects, [.lookUpStudent(id: "S1")])

        var retake = FlowHarness(retake: true)
        retake.roster["S1"]?.latestAttempt = attempt(state: .finished)
        retake.start()
        retake.type(["S1", "y"])
        XCTAssertEqual(retake.lastOutputs.last, .prompt("Do you agree to take part? (y/n) "))
        retake.type("n")
        // Declining a retake stores nothing: a refusal would replace the finished screening.
        XCTAssertEqual(retake.effects, [.lookUpStudent(id: "S1")])
        XCTAssertEqual(
            retake.lastOutputs, [.text("All right: no retake. The screening you completed earlier still counts. Thank you!")])
    }

    func testAnEarlierRefusalAsksForConsentAgain() {
        var harness = FlowHarness()
        harness.roster["S1"]?.latestAttempt = attempt(state: .refused)
        harness.start()
        harness.type(["S1", "y"])
        XCTAssertEqual(harness.lastOutputs.last, .prompt("Do you agree to take part? (y/n) "))
    }

    func testStoreFailureStopsWithoutShowingTheNextItem() {
        var harness = FlowHarness()
        harness.begin()
        harness.failNextEffect = "disk I/O error"
        harness.type("2")
        XCTAssertEqual(
            harness.lastOutputs,
            [.notice("Something went wrong and this was not saved (disk I/O error). Please tell the teacher.")])
        XCTAssertEqual(harness.exitStatus, 1)
    }

    static let closing =
        "Thank you for completing the screening. If you would like to talk to someone, the counseling room is always open to you."

    func attempt(state: AttemptState, source: AttemptSource = .terminal) -> ScreeningAttempt {
        FlowHarness.attempt(state: state, source: source)
    }
}
