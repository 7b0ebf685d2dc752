import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// `take --kiosk` on a shared lab screen, and what a real terminal receives.
final class TakeKioskTests: XCTestCase {
    let clear = FlowRenderer.ansiClear
    let fortyOnes = Array(repeating: "1", count: 16)

    func testTheKioskTakesOneStudentAfterAnother() throws {
        let school = try TakeFixture()
        let running = try school.startOnTerminal(["--kiosk"], columns: 200)
        running.type(TakeFixture.opening("S1") + fortyOnes + [""] + TakeFixture.opening("S2") + ["2"])
        running.closeInput()
        XCTAssertEqual(running.finish(), 0)
        let screens = running.stdout.components(separatedBy: clear)
        XCTAssertEqual(screens.count, 4, running.stdout)
        // Input through a pipe is not echoed: take writes the newline itself.
        XCTAssertTrue(screens[1].hasSuffix(TakeFixture.closing + "\n\nPress Enter to finish.\n"), screens[1])
        XCTAssertTrue(screens[2].hasPrefix("Annual mental health screening\n\nYour student ID: "), screens[2])
        XCTAssertEqual(try school.latest("S1")?.state, .finished)
        XCTAssertEqual(try school.latest("S1")?.answers["gad7"], Array(repeating: 1, count: 7))
        XCTAssertEqual(try school.latest("S2")?.answers["phq9"], TakeFixture.phq9([2]))
    }

    func testTheKioskIsRefusedWhenItsOutputIsNoTerminal() throws {
        // Through a pipe or into a file nothing can be cleared: the next student would read the previous one.
        let school = try TakeFixture()
        let output = try school.take(TakeFixture.opening("S1") + ["2"], ["--kiosk"])
        XCTAssertEqual(output.status, 2)
        XCTAssertEqual(
            output.stderr,
            "error: --kiosk needs a terminal on standard output: between students it clears the screen and its scrollback, which a pipe or a file cannot do\n"
        )
        XCTAssertEqual(output.stdout, "")
        XCTAssertNil(try school.latest("S1"))
    }

    func testCtrlCEndsTheStudentsSessionButNeverTheKiosk() throws {
        let school = try TakeFixture()
        let running = try school.startOnTerminal(["--kiosk"])
        running.type(TakeFixture.opening("S1") + ["1"])
        XCTAssertTrue(running.wait { running.stdout.contains("[2/16]") }, running.stdout)
        running.process.interrupt()
        XCTAssertTrue(running.wait { running.stdout.components(separatedBy: "Your student ID: ").count == 3 }, running.stdout)
        running.process.interrupt()  // at the ID prompt: still nothing ends
        running.type(TakeFixture.opening("S2") + ["3"])
        XCTAssertTrue(running.wait { (try? school.answeredCount("S2")) == 1 })
        XCTAssertTrue(running.process.isRunning)
        running.closeInput()
        XCTAssertEqual(running.finish(), 0)
        XCTAssertEqual(try school.latest("S1")?.answers["phq9"], TakeFixture.phq9([1]))
        XCTAssertEqual(try school.latest("S1")?.state, .inProgress)
        XCTAssertEqual(try school.latest("S2")?.answers["phq9"], TakeFixture.phq9([3]))
    }

    func testAnIdleStudentsSessionIsClosedWithProgressKept() throws {
        let school = try TakeFixture()
        let running = try school.startOnTerminal(["--kiosk", "--idle-timeout", "1"])
        let started = Date()
        running.type(TakeFixture.opening("S1") + ["2"])
        XCTAssertTrue(running.wait { running.stdout.components(separatedBy: "Your student ID: ").count == 3 }, running.stdout)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 1)
        running.type(TakeFixture.opening("S2") + ["0"])
        running.closeInput()
        XCTAssertEqual(running.finish(), 0)
        XCTAssertEqual(try school.latest("S1")?.answers["phq9"], TakeFixture.phq9([2]))
        XCTAssertEqual(try school.latest("S2")?.answers["phq9"], TakeFixture.phq9([0]))
    }

    func testOnATerminalTheKioskClearsBetweenStudentsWrapsAtItsWidthAndColoursTheCrisisText() throws {
        let school = try TakeFixture()
        let terminal = try PseudoTerminal(columns: 40)
        var runner = school.cli
        runner.environment["NO_COLOR"] = nil
        runner.environment["TERM"] = "xterm"
        let process = try configured(runner, school.arguments(["--kiosk"]))
        try terminal.run(process)
        let crisisAnswers = Array(repeating: "0", count: 8) + ["1"] + Array(repeating: "0", count: 7)
        try write(process, TakeFixture.opening("S1") + crisisAnswers + [""] + TakeFixture.opening("S2") + ["2"])
        process.waitUntilExit()
        let output = terminal.finish()
        XCTAssertEqual(process.terminationStatus, 0)

        // The kiosk starts on a clean screen (nothing of the teacher's shell), then S1, S2, the clear at the end.
        let screens = output.components(separatedBy: clear)
        XCTAssertEqual(screens.count, 4, output)
        XCTAssertEqual(screens[0], "")
        XCTAssertTrue(screens[1].contains("张*明"))
        XCTAssertTrue(screens[1].contains("\u{1B}[1;31mThank you for telling us honestly."))
        XCTAssertFalse(screens[2].contains("张*明"))
        XCTAssertFalse(screens[2].contains("12356"))
        XCTAssertTrue(screens[2].contains("学*2"))
        XCTAssertEqual(screens[3], "")

        let lines = output.replacingOccurrences(of: clear, with: "\n").components(separatedBy: "\n").map(stripEscapes)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 40 }, lines.filter { DisplayWidth.of($0) > 40 }.description)
        XCTAssertTrue(lines.contains("[1/16] Little interest or pleasure in"), lines.description)
        XCTAssertTrue(lines.contains("  0 Not at all   1 Several days"), lines.description)
        XCTAssertEqual(try school.latest("S1")?.assessment.level, .red)
    }

    func testChineseOnANarrowTerminalWrapsAtTwoColumnsPerCharacterWithoutColour() throws {
        let school = try TakeFixture()
        let terminal = try PseudoTerminal(columns: 24)
        var runner = school.cli
        runner.environment["TERM"] = "xterm"
        runner.environment["NO_COLOR"] = "1"
        let process = try configured(runner, school.arguments().filter { $0 != "--lang" && $0 != "en" } + ["--lang", "zh-Hans"])
        try terminal.run(process)
        try write(process, ["S1", "y", "y"] + Array(repeating: "0", count: 8) + ["2", "q"])
        process.waitUntilExit()
        let output = terminal.finish()
        XCTAssertFalse(output.contains("\u{1B}["), output)
        let lines = output.components(separatedBy: "\n")
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 24 }, lines.filter { DisplayWidth.of($0) > 24 }.description)
        XCTAssertTrue(lines.contains("在过去两个星期，有多少时"), lines.description)
        XCTAssertTrue(lines.contains("候您受到以下任何问题所困"), lines.description)
        XCTAssertTrue(output.contains("12356"))
    }

    private func configured(_ runner: CLIRunner, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.executable)
        process.arguments = arguments
        process.environment = runner.environment
        process.currentDirectoryURL = URL(fileURLWithPath: runner.currentDirectory)
        process.standardInput = Pipe()
        process.standardError = FileHandle.nullDevice
        return process
    }

    private func write(_ process: Process, _ lines: [String]) throws {
        let input = (process.standardInput as! Pipe).fileHandleForWriting
        try input.write(contentsOf: Data(TakeFixture.input(lines).utf8))
        try input.close()
    }

    /// Removes SGR sequences (`ESC [ … m`).
    private func stripEscapes(_ line: String) -> String {
        line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}
