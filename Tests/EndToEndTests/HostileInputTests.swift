import Foundation
import PsyScreenTestSupport
import XCTest

/// Files that crashed psyscreen, through the binary: every command exits with a status, never a signal.
///
/// The instrument files of the issue 10 audit (Fuzz/corpus/instrument/audit-*), each dropped into a copy of the
/// instruments folder: commands that do not need the file warn and work; those that need it fail with
/// `FILE:LINE: error:`. The exchange files that crashed `merge` (Fuzz/corpus/exchange/crash-*) are refused.
final class HostileInputTests: XCTestCase {
    static let audit = Fixtures.repositoryRoot + "/Fuzz/corpus/instrument"

    /// `(audit file, the shipped file it replaces or nil, its id, the line and message of its error)`.
    static let cases: [(file: String, replaces: String?, id: String, error: String)] = [
        (
            "audit-option-value-overflow.xml", "phq9.xml", "phq9",
            "19: error: option value of response set 'frequency' must be a whole number from -1000 to 1000, not '4611686018427387904'"
        ),
        (
            "audit-multiply-nan.xml", "who5.xml", "who5",
            "68: error: derived scale 'percent' multiply must be a decimal number from -1000 to 1000, not 'nan'"
        ),
        (
            "audit-multiply-inf.xml", "who5.xml", "who5",
            "68: error: derived scale 'percent' multiply must be a decimal number from -1000 to 1000, not 'inf'"
        ),
        (
            "audit-multiply-1e400.xml", "who5.xml", "who5",
            "68: error: derived scale 'percent' multiply must be a decimal number from -1000 to 1000, not '1e400'"
        ),
        (
            "audit-decimals-17.xml", nil, "meantest",
            "18: error: scale 'mean' decimals must be a whole number from 0 to 6, not '17'"
        ),
        (
            "audit-decimals-18.xml", nil, "meantest",
            "18: error: scale 'mean' decimals must be a whole number from 0 to 6, not '18'"
        ),
    ]

    func testNoAuditFileMakesAnyCommandExitByASignal() throws {
        for (file, replaces, id, error) in Self.cases {
            let directory = Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let folder = directory + "/instruments"
            try FileManager.default.copyItem(atPath: Fixtures.instrumentsDirectory, toPath: folder)
            let path = folder + "/" + (replaces ?? file)
            if replaces != nil { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.copyItem(atPath: Self.audit + "/" + file, toPath: path)
            let cli = CLIRunner(environment: ["PSYSCREEN_INSTRUMENTS": folder])
            let located = "\(path):\(error)"

            func run(_ arguments: [String]) throws -> CLIRunner.Output {
                let output = try cli.run(arguments)
                XCTAssertFalse(
                    output.signalled, "\(file): psyscreen \(arguments.joined(separator: " ")) died by signal \(output.status)")
                return output
            }

            // Commands that do not need the file: a one-line warning, then their work.
            let listing = try run(["instruments"])
            XCTAssertEqual(listing.status, 0, "\(file): \(listing.stderr)")
            XCTAssertTrue(
                listing.stderr.contains("\(path):\(error.prefix { $0 != ":" }): warning: file not used: "), listing.stderr)
            XCTAssertTrue(listing.stdout.contains("gad7"))
            let gad7 = try run(["score", "--instrument", "gad7", "samples/paper-results.csv", "-o", directory + "/gad7.csv"])
            XCTAssertEqual(gad7.status, 1, "the sample's deliberate mistakes, nothing else: \(gad7.stderr)")
            XCTAssertTrue(gad7.stderr.contains("107 scored"), gad7.stderr)

            // Commands that need it: its errors, status 2 (1 for validate).
            let show = try run(["show", id])
            XCTAssertEqual(show.status, 2)
            XCTAssertTrue(show.stderr.contains(located), "\(file): \(show.stderr)")
            let score = try run(["score", "--instrument", id, "samples/paper-results.csv", "-o", directory + "/out.csv"])
            XCTAssertEqual(score.status, 2)
            XCTAssertTrue(score.stderr.contains(located), score.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/out.csv"))
            let validate = try run(["validate", path])
            XCTAssertEqual(validate.status, 1)
            // No warning about the file being validated: its errors are the answer (annual.xml, which needs phq9, warns).
            XCTAssertTrue(validate.stderr.hasSuffix(located + "\n"), validate.stderr)
            XCTAssertFalse(validate.stderr.contains("\(path):\(error.prefix { $0 != ":" }): warning"), validate.stderr)
            if id == "phq9" {
                let battery = try run(["score", "--battery", "annual", "samples/paper-results.csv", "-o", directory + "/out.csv"])
                XCTAssertEqual(battery.status, 2)
                XCTAssertTrue(
                    battery.stderr.contains(
                        "\(folder)/annual.xml:7: error: instrument 'phq9' cannot be used: \(path) has errors\n\(located)\n"),
                    battery.stderr)
            }
        }
    }

    func testNoCrashingExchangeFileMakesMergeExitByASignal() throws {
        let folder = Fixtures.repositoryRoot + "/Fuzz/corpus/exchange"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("crash-") }.sorted()
        XCTAssertEqual(files.count, 4)
        for file in files {
            let output = try CLIRunner().run(["merge", folder + "/" + file, "--format", "csv"])
            XCTAssertFalse(output.signalled, "\(file): merge died by signal \(output.status)")
            XCTAssertEqual(output.status, 2, file)
            XCTAssertTrue(output.stderr.hasPrefix("\(folder)/\(file): error: "), output.stderr)
            XCTAssertEqual(output.stdout, "")
        }
    }

    func testAnInstrumentGivenAsAFileIsCheckedTheSameWay() throws {
        let output = try CLIRunner().run([
            "score", "--instrument", Self.audit + "/audit-decimals-18.xml", "samples/paper-results.csv",
        ])
        XCTAssertFalse(output.signalled)
        XCTAssertEqual(output.status, 2)
        XCTAssertEqual(output.stderr, "\(Self.audit)/audit-decimals-18.xml:\(Self.cases[5].error)\n")
    }
}
