import Foundation

/// Runs the built `psyscreen` binary, as a user would, for end-to-end tests.
package struct CLIRunner {
    package struct Output {
        package var status: Int32
        package var stdout: String
        package var stderr: String
        /// Killed by a signal (a Swift trap is SIGILL or SIGTRAP), not an exit: `status` is then the signal.
        package var signalled = false

        package init(status: Int32, stdout: String, stderr: String, signalled: Bool = false) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
            self.signalled = signalled
        }
    }

    /// The `psyscreen` executable built next to the test bundle.
    package static let executable: String = {
        var candidates: [String] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("psyscreen").path)
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("psyscreen").path)
        candidates.append(
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("psyscreen").path)
        candidates.append(Fixtures.repositoryRoot + "/.build/debug/psyscreen")
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        fatalError("psyscreen binary not found; tried \(candidates)")
    }()

    package var environment: [String: String]
    package var currentDirectory: String
    /// The umask the command runs under (through `/bin/sh`); `nil` inherits the test's.
    package var umask: String?
    /// Run as the unprivileged user `nobody` (through `setpriv`; the tests must run as root).
    package var asNobody = false

    /// Runs in the C locale with no `PSYSCREEN_LANG` (English, whatever the developer's shell says) unless
    /// `environment` sets them.
    package init(currentDirectory: String = Fixtures.repositoryRoot, environment: [String: String] = [:]) {
        self.currentDirectory = currentDirectory
        var base = ProcessInfo.processInfo.environment
        base["PSYSCREEN_INSTRUMENTS"] = Fixtures.instrumentsDirectory
        base["NO_COLOR"] = "1"
        for variable in ["LC_ALL", "LC_MESSAGES", "PSYSCREEN_LANG"] { base[variable] = nil }
        base["LANG"] = "C"
        for (key, value) in environment { base[key] = value }
        self.environment = base
    }

    /// Runs `psyscreen ARGUMENTS` with `input` on stdin and waits for it.
    @discardableResult
    package func run(_ arguments: [String], input: Data = Data()) throws -> Output {
        let process = try start(arguments)
        let stdinPipe = process.standardInput as! Pipe
        let stdoutPipe = process.standardOutput as! Pipe
        let stderrPipe = process.standardError as! Pipe
        // Read both streams concurrently so that a chatty process never blocks on a full pipe.
        nonisolated(unsafe) var stdoutData = Data()
        nonisolated(unsafe) var stderrData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stdoutData = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            stderrData = stderrPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if !input.isEmpty { try? stdinPipe.fileHandleForWriting.write(contentsOf: input) }
        try? stdinPipe.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
    }

    package func run(_ arguments: [String], input: String) throws -> Output {
        try run(arguments, input: Data(input.utf8))
    }

    /// Starts `psyscreen ARGUMENTS` with pipes on all three streams, for tests that interrupt it.
    package func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        var command = [Self.executable] + arguments
        if let umask { command = ["/bin/sh", "-c", "umask \(umask) && exec \"$0\" \"$@\""] + command }
        if asNobody { command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command }
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory)
        process.standardInput = Pipe()
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }
}
