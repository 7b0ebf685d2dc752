import Foundation
import PsyScreen
import XCTest

/// Input at an item: numbers, back, skip, help, quit, and what is saved.
final class TerminalFlowAnsweringTests: XCTestCase {
    let prompt = FlowOutput.prompt("Your answer (0–3): ")

    func testInvalidInputIsAskedAgainWithAReasonAndNothingSaved() {
        var harness = FlowHarness()
        harness.begin()
        harness.type("7")
        XCTAssertEqual(harness.lastOutputs, [.notice("7 is not an option: type 0–3."), prompt])
        for line in ["", "yes", "1.5", "-1", "12a"] {
            harness.type(line)
            XCTAssertEqual(harness.lastOutputs, [.notice("Please type a number 0–3 (? for help)."), prompt], line)
        }
        XCTAssertEqual(harness.savedEffects, [])
        harness.type("2")
        XCTAssertEqual(harness.answers("phq9").first, 2)
    }

    func testFullWidthDigitsAndSpacesAsInputMethodsTypeThem() {
        var harness = FlowHarness()
        harness.begin()
        harness.type(["２", "　３　", " 1 ", "０"])
        XCTAssertEqual(Array(harness.answers("phq9").prefix(4)), [2, 3, 1, 0])
        XCTAssertEqual(ItemInput(line: "Ｂ"), .back)
        XCTAssertEqual(ItemInput(line: "？"), .help)
        XCTAssertEqual(ItemInput(line: " ｑ "), .quit)
        XCTAssertEqual(ItemInput(line: "S"), .skip)
        XCTAssertEqual(YesNo(line: "Ｙ"), .yes)
        XCTAssertEqual(YesNo(line: "是"), .yes)
        XCTAssertEqual(YesNo(line: "否"), .no)
        XCTAssertNil(YesNo(line: "ok"))
    }

    func testBackShowsTheCurrentAnswerAndAChangeIsSavedThenTheFlowReturns() {
        var harness = FlowHarness()
        harness.begin()
        harness.type("b")
        XCTAssertEqual(harness.lastOutputs, [.notice("This is the first question."), prompt])
        harness.type(["1", "2", "b"])
        XCTAssertEqual(
            harness.lastOutputs,
            [
                .text(""), .text("[2/16] Feeling down, depressed, or hopeless"),
                .options(["0 Not at all", "1 Several days", "2 More than half the days", "3 Nearly every day"]),
                .text("(current answer: 2 More than half the days; Enter keeps it)"), prompt,
            ])
        harness.type("b")
        XCTAssertEqual(harness.lastOutputs[3], .text("(current answer: 1 Several days; Enter keeps it)"))
        harness.type("3")
        // Back at the first unanswered item, item 3, not item 2 again.
        XCTAssertEqual(harness.lastOutputs[1], .text("[3/16] Trouble falling or staying asleep, or sleeping too much"))
        XCTAssertEqual(Array(harness.answers("phq9").prefix(3)), [3, 2, nil])
        XCTAssertEqual(harness.savedEffects.count, 3)
    }

    func testEnterKeepsTheCurrentAnswerAfterBack() {
        var harness = FlowHarness()
        harness.begin()
        harness.type(["1", "2", "b"])
        XCTAssertEqual(harness.lastOutputs[3], .text("(current answer: 2 More than half the days; Enter keeps it)"))
        harness.type(" ")
        XCTAssertEqual(harness.lastOutputs[1], .text("[3/16] Trouble falling or staying asleep, or sleeping too much"))
        XCTAssertEqual(Array(harness.answers("phq9").prefix(3)), [1, 2, nil])
        // A kept skip is a skip again.
        harness.type(["s", "b", ""])
        XCTAssertEqual(harness.lastOutputs[1], .text("[4/16] Feeling tired or having little energy"))
        XCTAssertEqual(Array(harness.answers("phq9").prefix(4)), [1, 2, nil, nil])
        XCTAssertEqual(harness.savedEffects.count, 5)
        // On an item without an answer, Enter alone is still asked again.
        harness.type("")
        XCTAssertEqual(harness.lastOutputs, [.notice("Please type a number 0–3 (? for help)."), prompt])
    }

    func testSkipWhereTheScaleAllowsAMissingItemAndRefusedWhereNot() {
        var harness = FlowHarness()
        harness.begin()
        harness.type(["s", "s"])
        XCTAssertEqual(harness.savedEffects.count, 2)
        XCTAssertEqual(
            harness.savedEffects.last, .saveAnswer(attemptID: 7, instrumentID: "phq9", itemID: "2", value: nil, seconds: 1))
        harness.type("s")
        XCTAssertEqual(
            harness.lastOutputs,
            [
                .notice(
                    "This question cannot be skipped: at most 2 questions of this questionnaire may be skipped, and you have skipped 2."
                ),
                prompt,
            ])
        // Going back to a skipped item shows it as skipped; answering it makes room for another skip.
        harness.type("b")
        XCTAssertEqual(harness.lastOutputs[3], .text("(current answer: skipped; Enter keeps it)"))
        harness.type(["1", "s"])
        XCTAssertEqual(harness.answers("phq9").prefix(3), [nil, 1, nil])
        harness.type(Array(repeating: "0", count: 6))
        XCTAssertEqual(harness.lastOutputs[3], .text("[10/16] Feeling nervous, anxious, or on edge"))
        harness.type("s")
        XCTAssertEqual(
            harness.lastOutputs,
            [.notice("This question cannot be skipped: this questionnaire needs an answer to every question."), prompt])
        XCTAssertEqual(harness.savedEffects.count, 10)
    }

    func testTheSkipRuleCountsOnlyExplicitSkipsOfTheSameScale() {
        let phq9 = FlowHarness.annual.instrument("phq9")!
        let gad7 = FlowHarness.annual.instrument("gad7")!
        XCTAssertEqual(SkipRule.decide(phq9.items[7], in: phq9, skippedItemIDs: ["1"]), .allowed)
        XCTAssertEqual(SkipRule.decide(phq9.items[7], in: phq9, skippedItemIDs: ["1", "2"]), .refused(allowed: 2, skipped: 2))
        // Item 9 is watched by the crisis flag: never skippable, even with room left.
        XCTAssertEqual(SkipRule.decide(phq9.items[8], in: phq9, skippedItemIDs: []), .crisisItem)
        // Skipping an item already skipped is no new missing item.
        XCTAssertEqual(SkipRule.decide(phq9.items[1], in: phq9, skippedItemIDs: ["1", "2"]), .allowed)
        XCTAssertEqual(SkipRule.decide(gad7.items[0], in: gad7, skippedItemIDs: []), .refused(allowed: 0, skipped: 0))
    }

    func testHelpShowsTheKeysAndTheSameItemAgain() {
        var harness = FlowHarness()
        harness.begin()
        harness.type("?", after: 2)
        XCTAssertEqual(harness.lastOutputs[1], .text(SessionMessage.help(range: "0–3").english))
        XCTAssertEqual(harness.lastOutputs.suffix(3).first, .text("[1/16] Little interest or pleasure in doing things"))
        harness.type("1", after: 3)
        // The item's clock ran on while the help was read.
        XCTAssertEqual(harness.storedSeconds["phq9/1"], 5)
    }

    func testSecondsPerItemAddUpOverVisits() {
        var harness = FlowHarness()
        harness.begin()
        harness.type("1", after: 4)
        harness.type("b", after: 2)  // 2 s on item 2, which stays unanswered for now
        harness.type("2", after: 3)  // item 1 again: 4 + 3
        harness.type("0", after: 5)  // item 2: 2 + 5
        XCTAssertEqual(harness.storedSeconds["phq9/1"], 7)
        XCTAssertEqual(harness.storedSeconds["phq9/2"], 7)
    }

    func testQuitKeepsProgressAndSaysWhereToContinue() {
        var harness = FlowHarness()
        harness.begin()
        harness.type(["1", "1", "q"])
        XCTAssertEqual(
            harness.lastOutputs,
            [.text(""), .text("Your answers are saved. Type your student ID next time to continue at question 3.")])
        XCTAssertEqual(harness.exitStatus, 0)
        XCTAssertEqual(harness.savedEffects.count, 2)
    }
}
