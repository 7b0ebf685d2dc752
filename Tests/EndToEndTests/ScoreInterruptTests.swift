import Foundation
import PsyScreenTestSupport
import XCTest

/// Long jobs: an interrupted run leaves nothing behind; the progress bar appears only on a terminal.
final class ScoreInterruptTests: ScoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        // Killing the run closes the pipe this process is still writing to: that must be an error, not SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    func rows(_ count: Int, from start: Int = 0) -> String {
        (start..<(start + count)).map { "S\($0),name,0,1,2,3,0,1,2,3,0,1,2,3,0,1,2,3\n" }.joined()
    }

    /// Starts a run reading a pipe that stays open, waits until its temporary output exists, sends `signal`.
    func interrupt(with signal: Int32) throws {
        let process = try cli.start(["score", "--battery", "annual", "-", "-o", path("out.csv")])
        let stdin = (process.standardInput as! Pipe).fileHandleForWriting
        // More than one read chunk (1 MiB), so the header is parsed and rows written while the pipe stays open.
        let text = "student_id,name,\(Self.annualItems.joined(separator: ","))\n" + rows(40_000)
        DispatchQueue.global().async { try? stdin.write(contentsOf: Data(text.utf8)) }
        let deadline = Date().addingTimeInterval(60)
        // The output's temporary file; scratch files of the repeated-ID check may appear in the same folder first.
        func hasTemporaryOutput() throws -> Bool { try listing().contains { $0.hasPrefix(".out.csv.tmp-") } }
        while Date() < deadline, try !hasTemporaryOutput(), process.isRunning { Thread.sleep(forTimeInterval: 0.01) }
        let during = try listing()
        XCTAssertTrue(during.contains { $0.hasPrefix(".out.csv.tmp-") }, "\(during)")
        XCTAssertTrue(process.isRunning)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, signal)
        XCTAssertEqual(try listing(), [], "the temporary file is removed")
        try? stdin.close()
    }

    func testSIGTERMRemovesTheTemporaryFile() throws { try interrupt(with: SIGTERM) }

    func testSIGINTRemovesTheTemporaryFile() throws { try interrupt(with: SIGINT) }

    func testAProgressBarOnlyOnATerminal() throws {
        let input = try write("big.csv", "student_id,name,\(Self.annualItems.joined(separator: ","))\n" + rows(300_000))
        let quiet = try cli.run(["score", "--battery", "annual", input, "-o", path("out.csv")])
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(lines(quiet).count, 1, "a pipe gets the summary only: \(quiet.stderr)")
        XCTAssertFalse(quiet.stderr.contains("\r"))

        // Python's pty module gives the run a terminal for stderr.
        let script = """
            import os, pty, subprocess, sys
            master, slave = pty.openpty()
            p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
            os.close(slave)
            data = b""
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
            p.wait()
            sys.stdout.buffer.write(data)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", script, CLIRunner.executable, "score", "--battery", "annual", input, "-o", path("tty.csv"),
        ]
        process.environment = cli.environment
        process.currentDirectoryURL = URL(fileURLWithPath: cli.currentDirectory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { throw XCTSkip("python3 is not available to make a terminal") }
        let terminal = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, !terminal.isEmpty else { throw XCTSkip("no pseudo-terminal here") }
        XCTAssertTrue(terminal.contains("scoring ["), terminal)
        XCTAssertTrue(terminal.contains("%"), terminal)
        XCTAssertTrue(terminal.contains("300000 records (UTF-8): 300000 scored"), terminal)
    }
}
