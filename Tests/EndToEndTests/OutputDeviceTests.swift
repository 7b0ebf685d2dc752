import Foundation
import PsyScreenTestSupport
import XCTest

/// Outputs that are not regular files: written in place, never replaced; and a write that fails is an error.
final class OutputDeviceTests: XCTestCase {
    var school: SchoolFolder!

    override func setUpWithError() throws { school = try SchoolFolder() }
    override func tearDown() { school?.remove() }

    /// Each command with an output, the status it ends with on the samples (the paper results hold rejects).
    func outputs(to path: String) -> [(arguments: [String], status: Int32)] {
        [
            (["score", "--battery", "annual", school.input, "-o", path], 1),
            (["score", "--battery", "annual", school.input, "--errors", path, "-o", school.directory + "/scores.csv"], 1),
            (["template", "--battery", "annual", "-o", path], 0),
            (["form", "--battery", "annual", "--format", "html", "--wave", "w", "-o", path], 0),
            (["import", "--wave", "w2", "--battery", "annual", school.input, "--errors", path], 1),
            (["coverage", "--wave", "w", "-o", path], 0),
            (["unscreened", "--wave", "w", "-o", path], 0),
            (["results", "--wave", "w", "-o", path], 0),
            (["warnings", "--wave", "w", "-o", path], 0),
            (["report", "--wave", "w", "-o", path], 0),
            (["export", "--wave", "w", "-o", path], 0),
            (["export", "--wave", "w", "--deidentified", "-o", path], 0),
            (["merge", school.exchange, "-o", path], 0),
            (["db", "backup", path], 0),
        ]
    }

    func testACharacterDeviceIsWrittenInPlaceNeverReplaced() throws {
        try XCTSkipUnless(geteuid() == 0, "mknod needs root")
        let device = school.directory + "/null"
        var null = stat()
        XCTAssertEqual(stat("/dev/null", &null), 0)
        XCTAssertEqual(mknod(device, S_IFCHR | 0o666, null.st_rdev), 0)  // /dev/null's numbers, in the temp folder
        let mode = try XCTUnwrap(school.mode(device))
        for (arguments, status) in outputs(to: device) {
            let run = try school.cli.run(arguments)
            XCTAssertEqual(run.status, status, "\(arguments): \(run.stderr)")
            var info = stat()
            XCTAssertEqual(lstat(device, &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "\(arguments) replaced the device")
            XCTAssertEqual(info.st_rdev, null.st_rdev)
            XCTAssertEqual(info.st_mode & 0o7777, mode, "its mode is not ours to change")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: school.directory).filter { $0.hasPrefix(".") }, [])
    }

    func testAFIFOIsReadByAnotherProcess() throws {
        let fifo = school.directory + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        for arguments in [
            ["results", "--wave", "w", "-o"], ["score", "--battery", "annual", school.input, "-o"], ["db", "backup"],
        ] {
            let expected = try school.cli.run(arguments + ["-"])
            // The reader copies into a file, not a pipe read after the run: a database larger than two pipe
            // buffers would otherwise block the writer.
            let copy = school.directory + "/received"
            XCTAssertTrue(FileManager.default.createFile(atPath: copy, contents: nil))
            let reader = Process()
            reader.executableURL = URL(fileURLWithPath: "/bin/cat")
            reader.arguments = [fifo]
            reader.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: copy))
            try reader.run()
            let run = try school.cli.run(arguments + [fifo])
            reader.waitUntilExit()
            let received = try Data(contentsOf: URL(fileURLWithPath: copy))
            XCTAssertEqual(run.status, expected.status, run.stderr)
            if arguments[0] == "db" {
                XCTAssertEqual(received.prefix(16), Data("SQLite format 3\0".utf8), "a database came through the pipe")
            } else {
                XCTAssertEqual(String(decoding: received, as: UTF8.self), expected.stdout, "\(arguments)")
            }
            XCTAssertEqual(school.type(fifo), S_IFIFO, "\(arguments) replaced the FIFO")
        }
    }

    func testProcSelfFdAndDevStdoutAreStandardOutput() throws {
        let expected = try school.cli.run(["results", "--wave", "w", "-o", "-"])
        XCTAssertEqual(expected.status, 0, expected.stderr)
        XCTAssertTrue(expected.stdout.hasPrefix("student_id,name,"), expected.stdout)
        for path in ["/proc/self/fd/1", "/dev/stdout"] {
            let run = try school.cli.run(["results", "--wave", "w", "-o", path])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(run.stdout, expected.stdout, path)
        }
        XCTAssertEqual(school.type("/dev/stdout"), S_IFLNK)
    }

    func testAFailedWriteExitsNonZeroWithAMessage() throws {
        // Standard output on /dev/full.
        for arguments in [
            ["instruments"], ["show", "phq9"], ["coverage", "--wave", "w"], ["history", "A20250001"], ["audit"],
            ["validate", school.instruments + "/phq9.xml"],
        ] {
            let run = try school.cli.run(arguments, stdoutTo: "/dev/full")
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertEqual(run.stderr, "<standard output>: error: cannot write: No space left on device\n", "\(arguments)")
        }
        // A named output on /dev/full.
        for (arguments, _) in outputs(to: "/dev/full") {
            let run = try school.cli.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(
                run.stderr.contains("/dev/full: error: cannot write: No space left on device"), "\(arguments): \(run.stderr)")
        }
    }
}

extension CLIRunner {
    /// Runs `psyscreen ARGUMENTS` with its standard output sent to `path`.
    func run(_ arguments: [String], stdoutTo path: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" \"$@\" > \(path)", Self.executable] + arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory)
        let stderr = Pipe()
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
    }
}
