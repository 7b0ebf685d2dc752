import Foundation
import PsyScreenTestSupport
import XCTest

/// What the next student can scroll back to on a kiosk in tmux, with `TERM` unset, dumb, vt100 and xterm: nothing
/// of the previous student (their ID, masked name, answers, the crisis text).
final class KioskScrollbackTests: XCTestCase {
    func testNothingOfThePreviousStudentStaysInTheScrollbackWhateverTERMSays() throws {
        guard TmuxSession.executable != nil else { throw XCTSkip("tmux is not installed: apt-get install tmux (.ci/run does)") }
        for term in [nil, "dumb", "vt100", "xterm"] {
            let school = try TakeFixture()
            defer { try? FileManager.default.removeItem(atPath: school.directory) }
            var environment = ["PSYSCREEN_INSTRUMENTS=\(Fixtures.instrumentsDirectory)", "NO_COLOR=1"]
            environment += term.map { ["TERM=\($0)"] } ?? []
            let command =
                ["env"] + (term == nil ? ["-u", "TERM"] : []) + environment
                + [CLIRunner.executable] + school.arguments(["--kiosk"])
            let tmux = try TmuxSession(command)
            let label = "TERM=\(term ?? "(unset)")"

            XCTAssertTrue(try tmux.waitForScreen { $0.contains("Your student ID:") }, label)
            for line in TakeFixture.opening("S1") { try tmux.typeLine(line) }
            // PHQ-9 with item 9 endorsed (the crisis text is shown), then GAD-7.
            let answers = Array(repeating: "0", count: 8) + ["2"] + Array(repeating: "3", count: 7)
            XCTAssertTrue(try tmux.waitForScreen { $0.contains("[1/16]") }, "\(label): \((try? tmux.screen()) ?? "")")
            for answer in answers { try tmux.typeLine(answer) }
            XCTAssertTrue(
                try tmux.waitForScreen { $0.contains("Press Enter to finish.") }, "\(label): \((try? tmux.screen()) ?? "")")
            let during = try tmux.scrollback()
            XCTAssertTrue(during.contains("12356"), "\(label): the crisis text was shown: \(during)")
            XCTAssertTrue(during.contains("张*明"), label)

            try tmux.typeLine("")
            XCTAssertTrue(try tmux.waitForScreen { !$0.contains("Press Enter") && $0.contains("Your student ID:") }, label)
            let after = try tmux.scrollback()
            for trace in ["S1", "张*明", "12356", "Thank you for telling us", "[16/16]", "Press Enter to finish."] {
                XCTAssertFalse(after.contains(trace), "\(label): '\(trace)' is left for the next student: \(after)")
            }
            XCTAssertEqual(after.components(separatedBy: "Your student ID:").count, 2, "\(label): \(after)")
            XCTAssertEqual(try school.latest("S1")?.answers["gad7"], Array(repeating: 3, count: 7), label)
            XCTAssertEqual(try school.latest("S1")?.assessment.level, .red, label)
            try tmux.press("C-d")
        }
    }
}
