import Foundation
import PsyScreenTestSupport
import XCTest

/// What the entry point does before and around a command: help, version, usage errors, other errors.
final class CommandLineTests: XCTestCase {
    let cli = CLIRunner(currentDirectory: NSTemporaryDirectory())

    func testHelpAndVersionExit0OnStandardOutput() throws {
        for arguments in [["--help"], ["help"], ["coverage", "--help"], ["help", "db", "backup"], ["db"]] {
            let run = try cli.run(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stdout.contains("USAGE: psyscreen"), "\(arguments): \(run.stdout)")
            XCTAssertEqual(run.stderr, "", "\(arguments)")
        }
        let version = try cli.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.isEmpty)
    }

    func testAUsageErrorExits2WithTheUsage() throws {
        let run = try cli.run(["coverage", "--wave", "w", "--bogus"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("Error: Unknown option '--bogus'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Usage: psyscreen coverage"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    func testAFailurePrintsOneErrorLine() throws {
        let run = try cli.run(["show", "nope"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("error: "), run.stderr)
    }
}
