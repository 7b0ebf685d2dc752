import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// Answers survive a killed process, Ctrl-C, and 40 lab terminals writing to one database file at once.
final class TakeDurabilityTests: XCTestCase {
    func testEachAnswerIsCommittedBeforeTheNextItemAndAKilledTakeResumesWithEveryAnswer() throws {
        let school = try TakeFixture()
        let running = try school.start()
        running.type(TakeFixture.opening() + ["1", "2", "3", "0", "1", "2"])
        XCTAssertTrue(running.wait { running.stdout.contains("[7/16]") }, running.stdout)
        // The seventh item is on screen, so the sixth answer is already in the database.
        XCTAssertEqual(try school.answeredCount(), 6)
        running.type(raw: "3")  // being typed, no Enter yet: the only thing a kill may lose
        kill(running.process.processIdentifier, SIGKILL)
        _ = running.finish()
        XCTAssertEqual(running.process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(running.process.terminationStatus, SIGKILL)
        XCTAssertEqual(try school.latest()?.answers["phq9"], TakeFixture.phq9([1, 2, 3, 0, 1, 2]))

        let resumed = try school.take(["S1", "y"] + TakeFixture.answers([3, 0, 1], [0, 1, 2, 3, 0, 1, 2]))
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("continuing at question 7 of 16."), resumed.stdout)
        let attempt = try XCTUnwrap(try school.latest())
        XCTAssertEqual(attempt.answers, ["phq9": [1, 2, 3, 0, 1, 2, 3, 0, 1], "gad7": [0, 1, 2, 3, 0, 1, 2]])
        XCTAssertEqual(attempt.state, .finished)
        XCTAssertEqual(attempt.assessment.level, .red)
    }

    func testCtrlCEndsThePlainSessionWithItsAnswersKept() throws {
        let school = try TakeFixture()
        let running = try school.start()
        running.type(TakeFixture.opening() + ["2", "1"])
        XCTAssertTrue(running.wait { running.stdout.contains("[3/16]") }, running.stdout)
        running.process.interrupt()
        XCTAssertEqual(running.finish(), 130)
        XCTAssertTrue(running.stdout.hasSuffix("Your answer (0–3): \nInterrupted; your answers are saved.\n"), running.stdout)
        XCTAssertEqual(try school.latest()?.answers["phq9"], TakeFixture.phq9([2, 1]))
        XCTAssertEqual(try school.latest()?.state, .inProgress)
    }

    func testFortyConcurrentSessionsAllLandExactly() throws {
        let count = 40
        let school = try TakeFixture(students: count)
        func answers(_ student: Int) -> (phq9: [Int], gad7: [Int]) {
            ((0..<9).map { (student + $0 * 3) % 4 }, (0..<7).map { (student * 7 + $0) % 4 })
        }
        // Every process is started before any gets input, so they all open the file and write at the same time.
        let sessions = try (1...count).map { _ in try school.start() }
        for (index, session) in sessions.enumerated() {
            let (phq9, gad7) = answers(index + 1)
            session.type(TakeFixture.opening("S\(index + 1)") + TakeFixture.answers(phq9, gad7))
            session.closeInput()
        }
        for (index, session) in sessions.enumerated() {
            XCTAssertEqual(session.finish(), 0, "S\(index + 1)")
            let stderr = String(
                decoding: (session.process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(stderr, "", "S\(index + 1)")
            XCTAssertTrue(session.stdout.hasSuffix(TakeFixture.closing + "\n"), "S\(index + 1): \(session.stdout.suffix(300))")
        }
        let store = try school.store()
        for student in 1...count {
            let attempt = try XCTUnwrap(try store.latestAttempt(wave: TakeFixture.wave, studentID: "S\(student)"))
            let (phq9, gad7) = answers(student)
            XCTAssertEqual(attempt.answers, ["phq9": phq9, "gad7": gad7], "S\(student)")
            XCTAssertEqual(attempt.state, .finished, "S\(student)")
            XCTAssertEqual(try store.answeredItems(attemptID: attempt.id).count, 16)
        }
        let total = try XCTUnwrap(try store.coverage(wave: TakeFixture.wave, by: .school).last)
        XCTAssertEqual([total.enrolled, total.screened], [count, count])
    }
}
