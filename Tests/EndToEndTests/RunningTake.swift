import Foundation

/// A running `take` whose stdout is collected as it comes, for tests that interrupt or kill it: through a pipe, or
/// on a pseudo-terminal (what `--kiosk` needs).
final class RunningTake: @unchecked Sendable {
    let process: Process
    private let lock = NSLock()
    private var collected = Data()
    private let done = DispatchGroup()
    private let terminal: PseudoTerminal?

    /// `process` already runs with a pipe on stdout.
    init(_ process: Process) {
        self.process = process
        terminal = nil
        let stdout = (process.standardOutput as! Pipe).fileHandleForReading
        done.enter()
        DispatchQueue.global().async { [self] in
            while true {
                let chunk = stdout.availableData
                if chunk.isEmpty { break }
                lock.withLock { collected.append(chunk) }
            }
            done.leave()
        }
    }

    /// Runs `process` with stdout on `terminal`.
    init(_ process: Process, terminal: PseudoTerminal) throws {
        self.process = process
        self.terminal = terminal
        try terminal.run(process)
    }

    var stdout: String {
        if let terminal { return terminal.output }
        return lock.withLock { String(decoding: collected, as: UTF8.self) }
    }

    func type(_ lines: [String]) { type(raw: TakeFixture.input(lines)) }

    func type(raw text: String) {
        try? (process.standardInput as! Pipe).fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    func closeInput() { try? (process.standardInput as! Pipe).fileHandleForWriting.close() }

    /// Polls `condition` every 20 ms for up to `seconds`.
    func wait(seconds: Double = 30, until condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return try condition()
    }

    /// Waits for the process and its output to end.
    func finish() -> Int32 {
        process.waitUntilExit()
        if let terminal { _ = terminal.finish() } else { done.wait() }
        return process.terminationStatus
    }
}
