import Foundation
import PsyScreenTestSupport
import XCTest

/// `validate`, `instruments` and `show`, through the built binary.
final class InstrumentCommandsTests: XCTestCase {
    let cli = CLIRunner()

    func testEveryShippedFileValidates() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.instrumentsDirectory)
            .filter { $0.hasSuffix(".xml") }.sorted().map { "instruments/\($0)" }
        XCTAssertGreaterThanOrEqual(files.count, 3)
        let output = try cli.run(["validate"] + files)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stdout, files.map { "\($0): valid\n" }.joined())
    }

    func testAMalformedFileIsRejectedWithFileAndLine() throws {
        let directory = makeTemporaryDirectory()
        let path = directory + "/broken.xml"
        try "<?xml version=\"1.0\"?>\n<instrument xmlns=\"urn:psyscreen:instrument:1\" id=\"x\" version=\"1\">\n<title>\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let output = try cli.run(["validate", "instruments/phq9.xml", path])
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stdout, "instruments/phq9.xml: valid\n")
        XCTAssertTrue(output.stderr.hasPrefix("\(path):4:1: error: "), output.stderr)
    }

    func testInstrumentsAsJSONNamesTheShippedIDs() throws {
        let output = try cli.run(["instruments", "--format", "json"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let ids = (json?["instruments"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(ids ?? []).isSuperset(of: ["phq9", "gad7"]), true)
        let batteries = (json?["batteries"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        XCTAssertEqual(batteries, ["annual"])
    }

    func testShowInChinese() throws {
        let output = try cli.run(["show", "phq9", "--lang", "zh-Hans"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("  9. 有不如死掉或用某种方式伤害自己的念头\n"))
        XCTAssertTrue(output.stdout.contains("item9（危机）：第 9 题 ≥ 1"), output.stdout)
        // The copyright notice is the instrument file's, as published; only its label is psyscreen's.
        XCTAssertTrue(output.stdout.contains("\n版权：Developed by Drs. Robert L. Spitzer"), output.stdout)
        XCTAssertTrue(output.stdout.contains("No permission required to reproduce, translate, display or distribute."))
    }

    func testShowTheBatteryWithItsCrisisText() throws {
        let output = try cli.run(["show", "annual", "--lang", "en"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("12356"))
        XCTAssertTrue(output.stdout.contains("red: phq9 flag item9"))
    }

    func testUnknownInstrumentExitsTwo() throws {
        let output = try cli.run(["show", "mht"])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("no instrument 'mht'"), output.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        let output = try cli.run(["show"])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("Missing expected argument"), output.stderr)
    }

    func testInstrumentsFolderFromOptionAndMissingFolder() throws {
        var runner = CLIRunner(currentDirectory: makeTemporaryDirectory())
        runner.environment["PSYSCREEN_INSTRUMENTS"] = nil
        let found = try runner.run(["instruments", "--instruments", Fixtures.instrumentsDirectory])
        XCTAssertEqual(found.status, 0, found.stderr)
        let missing = try runner.run(["instruments", "--instruments", "/nonexistent"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "/nonexistent/psyscreen.xsd:1: error: cannot read the schema: No such file or directory\n")
    }
}
