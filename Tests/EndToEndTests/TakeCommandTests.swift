import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// `psyscreen take` through its stdin, as a scripted session types it.
final class TakeCommandTests: XCTestCase {
    let phq9 = [1, 2, 0, 3, 1, 0, 2, 1, 0]
    let gad7 = [3, 2, 1, 0, 1, 2, 3]

    func testAFullSessionIsStoredExactly() throws {
        let school = try TakeFixture()
        let output = try school.take(TakeFixture.opening() + TakeFixture.answers(phq9, gad7))
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stderr, "")
        XCTAssertTrue(
            output.stdout.hasPrefix(
                "Annual mental health screening\n\nYour student ID: \nClass: 2026 2班, name: 张*明\nIs this you? (y/n) \n\nThis is the school's"
            ),
            output.stdout)
        XCTAssertTrue(
            output.stdout.hasSuffix(
                "[16/16] Feeling afraid, as if something awful might happen\n  0 Not at all   1 Several days   2 More than half the days   3 Nearly every day\nYour answer (0–3): \n\n\(TakeFixture.closing)\n"
            ))
        let attempt = try XCTUnwrap(try school.latest())
        XCTAssertEqual(attempt.state, .finished)
        XCTAssertEqual(attempt.source, .terminal)
        XCTAssertEqual(attempt.answers, ["phq9": phq9, "gad7": gad7])
        XCTAssertEqual(attempt.result("phq9")?.scale("total")?.score, 10)
        XCTAssertEqual(attempt.result("gad7")?.scale("total")?.score, 12)
        XCTAssertEqual(attempt.assessment.level, .yellow)
        XCTAssertNotNil(attempt.finishedAt)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(attempt.finishedAt), attempt.startedAt)
        // A script answers in milliseconds: the sitting and both instruments are below their minimum times.
        XCTAssertEqual(attempt.validity.map(\.code), ["too-fast"])
        XCTAssertEqual(attempt.results.map { $0.validity.map(\.code) }, [["too-fast"], ["too-fast"]])
        // No score, band or level is ever shown to the student.
        for word in ["score", "moderate", "yellow", "Total", "total", "band"] {
            XCTAssertFalse(output.stdout.contains(word), word)
        }
        XCTAssertFalse(output.stdout.contains(TakeFixture.crisis))
    }

    func testSevenIsAskedAgainAndBackChangesThePreviousAnswer() throws {
        let school = try TakeFixture()
        let output = try school.take(
            TakeFixture.opening() + ["1", "7", "b", "3", "2"] + TakeFixture.answers(Array(phq9.dropFirst(2)), gad7))
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(
            output.stdout.contains("Your answer (0–3): \n7 is not an option: type 0–3.\nYour answer (0–3): \n"), output.stdout)
        XCTAssertTrue(
            output.stdout.contains(
                "[1/16] Little interest or pleasure in doing things\n  0 Not at all   1 Several days   2 More than half the days   3 Nearly every day\n(current answer: 1 Several days; Enter keeps it)\n"
            ))
        XCTAssertEqual(try school.latest()?.answers["phq9"], [3, 2] + Array(phq9.dropFirst(2)))
        XCTAssertEqual(try school.latest()?.state, .finished)
    }

    func testFullWidthDigitsAndSpacesAreAccepted() throws {
        let school = try TakeFixture()
        let output = try school.take(["Ｓ１", "ｙ", "是", "２", "　３　", " 1 ", "０"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(try school.latest()?.answers["phq9"], TakeFixture.phq9([2, 3, 1, 0]))
    }

    func testSkipWhereTheScaleAllowsItAndRefusedWhereNot() throws {
        let school = try TakeFixture()
        let output = try school.take(
            TakeFixture.opening() + ["s", "s", "s"] + TakeFixture.answers(Array(phq9.dropFirst(2)), []) + ["s"]
                + TakeFixture.answers([], gad7))
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(
            output.stdout.contains(
                "This question cannot be skipped: at most 2 questions of this questionnaire may be skipped, and you have skipped 2.\n"
            ))
        XCTAssertTrue(
            output.stdout.contains(
                "[10/16] Feeling nervous, anxious, or on edge\n  0 Not at all   1 Several days   2 More than half the days   3 Nearly every day\nYour answer (0–3): \nThis question cannot be skipped: this questionnaire needs an answer to every question.\n"
            ))
        let attempt = try XCTUnwrap(try school.latest())
        XCTAssertEqual(attempt.answers["phq9"], [nil, nil] + Array(phq9.dropFirst(2)).map(Optional.some))
        XCTAssertEqual(attempt.answers["gad7"], gad7)
        XCTAssertEqual(try school.answeredCount(), 16)
        // 7 answered, prorated: mean of the 7 × 9.
        XCTAssertEqual(attempt.result("phq9")?.status, .prorated)
        XCTAssertEqual(attempt.state, .finished)
    }

    func testQuitKeepsProgressAndTheNextRunResumes() throws {
        let school = try TakeFixture()
        let first = try school.take(TakeFixture.opening() + ["1", "2", "0", "q", "3"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(
            first.stdout.hasSuffix("\nYour answers are saved. Type your student ID next time to continue at question 4.\n"),
            first.stdout)
        XCTAssertEqual(try school.latest()?.answers["phq9"], TakeFixture.phq9([1, 2, 0]))
        XCTAssertEqual(try school.latest()?.state, .inProgress)

        let second = try school.take(["S1", "y"] + TakeFixture.answers(Array(phq9.dropFirst(3)), gad7))
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(
            second.stdout.contains(
                "Is this you? (y/n) \nWelcome back. Your earlier answers are saved; continuing at question 4 of 16.\n\nPatient Health Questionnaire (PHQ-9)\n"
            ))
        XCTAssertFalse(second.stdout.contains("Do you agree"))
        XCTAssertEqual(try school.latest()?.answers, ["phq9": [1, 2, 0] + Array(phq9.dropFirst(3)), "gad7": gad7])
        XCTAssertEqual(try school.latest()?.state, .finished)
    }

    func testEndOfInputAfterFiveAnswersThenASecondRunCompletes() throws {
        let school = try TakeFixture()
        let first = try school.take(TakeFixture.opening() + TakeFixture.answers(Array(phq9.prefix(5)), []))
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(
            first.stdout.hasSuffix(
                "[6/16] Feeling bad about yourself — or that you are a failure or have let yourself or your family down\n  0 Not at all   1 Several days   2 More than half the days   3 Nearly every day\nYour answer (0–3): \nInput ended; your answers are saved.\n"
            ), first.stdout)
        XCTAssertEqual(try school.latest()?.answers["phq9"], TakeFixture.phq9(Array(phq9.prefix(5))))
        XCTAssertEqual(try school.answeredCount(), 5)

        let second = try school.take(["S1", "y"] + TakeFixture.answers(Array(phq9.dropFirst(5)), gad7))
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("continuing at question 6 of 16."))
        let attempt = try XCTUnwrap(try school.latest())
        XCTAssertEqual(attempt.answers, ["phq9": phq9, "gad7": gad7])
        XCTAssertEqual(attempt.state, .finished)
        XCTAssertEqual(try school.store().answeredItems(attemptID: attempt.id).count, 16)
    }

    func testACrisisAnswerShowsTheCrisisTextAtOnceAndTheStudentIsRedEvenAfterQuitting() throws {
        let school = try TakeFixture()
        let output = try school.take(TakeFixture.opening() + ["0", "0", "0", "0", "0", "0", "0", "0", "2", "q"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let item9 =
            "[9/16] Thoughts that you would be better off dead or of hurting yourself in some way\n  0 Not at all   1 Several days   2 More than half the days   3 Nearly every day\nYour answer (0–3): \n"
        XCTAssertTrue(
            output.stdout.contains(item9 + "\n" + TakeFixture.crisis + "\n\nGeneralized Anxiety Disorder 7-item scale (GAD-7)\n"),
            output.stdout)
        XCTAssertTrue(TakeFixture.crisis.contains("12356"))
        let attempt = try XCTUnwrap(try school.latest())
        XCTAssertEqual(attempt.state, .inProgress)
        XCTAssertEqual(attempt.assessment.level, .red)
        XCTAssertEqual(try school.store().register(wave: TakeFixture.wave).map(\.student.studentID), ["S1"])
    }

    func testNoCrisisTextWhenItem9IsZero() throws {
        let school = try TakeFixture()
        let output = try school.take(
            TakeFixture.opening() + TakeFixture.answers([3, 3, 3, 3, 3, 3, 3, 3, 0], [3, 3, 3, 3, 3, 3, 3]))
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertFalse(output.stdout.contains(TakeFixture.crisis))
        XCTAssertFalse(output.stdout.contains("Thank you for telling us honestly"))
        XCTAssertFalse(output.stdout.contains("12356"), "no hotline text at all without a crisis answer")
        XCTAssertEqual(try school.latest()?.assessment.level, .orange)
    }

    func testARefusalIsStoredAndCountedApart() throws {
        let school = try TakeFixture()
        let output = try school.take(["S1", "y", "n"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(
            output.stdout.hasSuffix(
                "Do you agree to take part? (y/n) \nAll right: you chose not to take part, and this has been recorded. Thank you!\n"
            ))
        XCTAssertEqual(try school.latest()?.state, .refused)
        let total = try XCTUnwrap(try school.store().coverage(wave: TakeFixture.wave, by: .school).last)
        XCTAssertEqual([total.screened, total.refused], [0, 1])
    }

    func testAnUnknownIDIsAskedAgain() throws {
        let school = try TakeFixture()
        let output = try school.take(["X99", "s2", "y", "y", "1"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(
            output.stdout.hasPrefix(
                "Annual mental health screening\n\nYour student ID: \nThe student ID X99 is not on the roster. Check it and type it again, or ask the teacher.\nYour student ID: \nClass: 2026 3班, name: 学*2\n"
            ), output.stdout)
        XCTAssertEqual(try school.latest("S2")?.answers["phq9"], TakeFixture.phq9([1]))
        XCTAssertNil(try school.latest("X99"))
    }

    func testAFinishedScreeningIsNotTakenAgainUnlessRetake() throws {
        let school = try TakeFixture()
        _ = try school.take(TakeFixture.opening() + TakeFixture.answers(phq9, gad7))
        let again = try school.take(["S1", "y", "y", "3"])
        XCTAssertTrue(
            again.stdout.hasSuffix("Is this you? (y/n) \nYou have already completed this screening. Thank you!\n"), again.stdout)
        XCTAssertEqual(try school.latest()?.answers["phq9"], phq9)
        let retake = try school.take(TakeFixture.opening() + ["3"], ["--retake"])
        XCTAssertEqual(retake.status, 0, retake.stderr)
        XCTAssertEqual(try school.latest()?.answers["phq9"], TakeFixture.phq9([3]))
    }

    func testAChineseLocaleGivesChinese() throws {
        let school = try TakeFixture()
        var runner = school.cli
        runner.environment["LANG"] = "zh_CN.UTF-8"
        let output = try runner.run(
            ["take", "--battery", "annual", "--wave", TakeFixture.wave, "--db", school.database], input: "S1\n是\n是\n1\n")
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.hasPrefix("年度心理健康筛查\n\n请输入你的学号：\n班级：2026 2班　姓名：张*明\n这是你吗？(y/n) \n"), output.stdout)
        XCTAssertTrue(output.stdout.hasSuffix("请输入 0–3：\n输入已结束，你的回答已经保存。\n"), output.stdout)
    }

    func testAnUnknownBatteryOrLanguageCannotRun() throws {
        let school = try TakeFixture()
        let battery = try school.cli.run(["take", "--battery", "nope", "--wave", "w", "--db", school.database])
        XCTAssertEqual(battery.status, 2)
        XCTAssertTrue(battery.stderr.hasSuffix(": error: no battery 'nope' (known: annual)\n"), battery.stderr)
        let language = try school.cli.run(["take", "--battery", "annual", "--wave", "w", "--lang", "fr", "--db", school.database])
        XCTAssertEqual(language.status, 2)
        XCTAssertTrue(language.stderr.contains("--lang"), language.stderr)
    }
}
