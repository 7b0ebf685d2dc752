import Foundation
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// Every command that writes a file, against every file it must never replace: refused with exit 2 before any
/// work, the file untouched.
final class OutputPathTests: XCTestCase {
    var school: SchoolFolder!

    override func setUpWithError() throws { school = try SchoolFolder() }
    override func tearDown() { school?.remove() }

    /// A command with an output, as run for an output at a path.
    struct Writer {
        var name: String
        var arguments: (String) -> [String]
        /// Its own input (refused as an output too).
        var input: String?
    }

    func writers() -> [Writer] {
        let school = school!
        return [
            Writer(
                name: "score -o", arguments: { ["score", "--battery", "annual", school.input, "-o", $0] }, input: school.input),
            Writer(
                name: "score --errors", arguments: { ["score", "--battery", "annual", school.input, "--errors", $0] },
                input: school.input),
            Writer(name: "template", arguments: { ["template", "--battery", "annual", "-o", $0] }),
            Writer(name: "form", arguments: { ["form", "--battery", "annual", "-o", $0] }),
            Writer(name: "form --wave", arguments: { ["form", "--battery", "annual", "--wave", "w", "-o", $0] }),
            Writer(
                name: "import --errors",
                arguments: { ["import", "--wave", "w2", "--battery", "annual", school.input, "--errors", $0] },
                input: school.input),
            Writer(name: "coverage", arguments: { ["coverage", "--wave", "w", "-o", $0] }),
            Writer(name: "unscreened", arguments: { ["unscreened", "--wave", "w", "-o", $0] }),
            Writer(name: "results", arguments: { ["results", "--wave", "w", "-o", $0] }),
            Writer(name: "warnings", arguments: { ["warnings", "--wave", "w", "-o", $0] }),
            Writer(name: "report", arguments: { ["report", "--wave", "w", "-o", $0] }),
            Writer(name: "export", arguments: { ["export", "--wave", "w", "-o", $0] }),
            Writer(name: "export --deidentified", arguments: { ["export", "--wave", "w", "--deidentified", "-o", $0] }),
            Writer(name: "merge", arguments: { ["merge", school.exchange, "-o", $0] }, input: school.exchange),
            Writer(name: "db backup", arguments: { ["db", "backup", $0] }),
        ]
    }

    /// Each output against the database, its WAL (before SQLite creates it), a link to it, the key, an instrument
    /// file and the command's input.
    func assertRefusesEveryClash(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let writer = try XCTUnwrap(writers().first { $0.name == name })
        let database = school.database
        let link = school.directory + "/link.sqlite"
        if school.type(link) == nil { XCTAssertEqual(symlink(database, link), 0) }
        var clashes: [(path: String, message: String)] = [
            (database, "refusing to overwrite the database \(database)"),
            (database + "-wal", "refusing to overwrite \(database)-wal, part of the database \(database)"),
            (database + "-shm", "refusing to overwrite \(database)-shm, part of the database \(database)"),
            (link, "refusing to overwrite the database \(database)"),
            (school.key, "refusing to overwrite the pseudonym key \(school.key)"),
            (school.instruments + "/phq9.xml", "refusing to overwrite the instrument file \(school.instruments)/phq9.xml"),
        ]
        if let input = writer.input { clashes.append((input, "refusing to overwrite the input file \(input)")) }
        for (path, message) in clashes {
            let before = school.protectedContents()
            let run = try school.cli.run(writer.arguments(path))
            XCTAssertEqual(run.status, 2, "\(name) → \(path): \(run.stderr)", file: file, line: line)
            XCTAssertEqual(run.stderr, "\(path): error: \(message)\n", name, file: file, line: line)
            XCTAssertEqual(school.protectedContents(), before, "\(name) → \(path)", file: file, line: line)
            XCTAssertNil(school.type(database + "-wal"), "\(name) → \(path)", file: file, line: line)
            XCTAssertEqual(school.type(link), S_IFLNK, file: file, line: line)
        }
        // Before any work: the import stored nothing.
        XCTAssertFalse(try SQLiteStore(path: database, access: .readOnly).waveExists("w2"), file: file, line: line)
    }

    func testScoreOutput() throws { try assertRefusesEveryClash("score -o") }
    func testScoreErrors() throws { try assertRefusesEveryClash("score --errors") }
    func testTemplate() throws { try assertRefusesEveryClash("template") }
    func testBlankForm() throws { try assertRefusesEveryClash("form") }
    func testPrefilledForms() throws { try assertRefusesEveryClash("form --wave") }
    func testImportErrors() throws { try assertRefusesEveryClash("import --errors") }
    func testCoverage() throws { try assertRefusesEveryClash("coverage") }
    func testUnscreened() throws { try assertRefusesEveryClash("unscreened") }
    func testResults() throws { try assertRefusesEveryClash("results") }
    func testWarnings() throws { try assertRefusesEveryClash("warnings") }
    func testReport() throws { try assertRefusesEveryClash("report") }
    func testExport() throws { try assertRefusesEveryClash("export") }
    func testDeidentifiedExport() throws { try assertRefusesEveryClash("export --deidentified") }
    func testMerge() throws { try assertRefusesEveryClash("merge") }
    func testDatabaseBackup() throws { try assertRefusesEveryClash("db backup") }

    func testTheTwoOutputsOfScoreMayNotBeOneFile() throws {
        let out = school.directory + "/out.csv"
        let run = try school.cli.run([
            "score", "--battery", "annual", school.input, "-o", out, "--errors", school.directory + "/./out.csv",
        ])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(
            run.stderr, "\(school.directory)/./out.csv: error: -o and --errors name the same file; give each its own\n")
        XCTAssertNil(school.type(out), "nothing written")
    }

    func testAnErrorsFileThatCannotBeWrittenStopsTheImportBeforeItStores() throws {
        let run = try school.cli.run([
            "import", "--wave", "w2", "--battery", "annual", school.input, "--errors", school.directory + "/missing/errors.csv",
        ])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(
            run.stderr,
            "\(school.directory)/missing/errors.csv: error: cannot create a temporary file in \(school.directory)/missing: No such file or directory\n"
        )
        XCTAssertFalse(try SQLiteStore(path: school.database, access: .readOnly).waveExists("w2"))
    }

    func testKeyInitNeverReplacesTheDatabaseOrAKey() throws {
        let before = school.protectedContents()
        for path in [school.database, school.database + "-wal", school.directory + "/link.sqlite"] {
            if path.hasSuffix("link.sqlite") { XCTAssertEqual(symlink(school.database, path), 0) }
            let run = try school.cli.run(["key", "init", "--key", path])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.hasPrefix("\(path): error: refusing to overwrite"), run.stderr)
        }
        let again = try school.cli.run(["key", "init"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists; refusing to overwrite it"), again.stderr)
        XCTAssertEqual(school.protectedContents(), before)
    }

    /// The list above must name every command that has an output option: a new one fails here until it is added.
    func testEveryCommandWithAnOutputIsInTheMatrix() throws {
        let help = try school.cli.run(["--experimental-dump-help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(help.stdout.utf8)) as? [String: Any])
        var found: Set<String> = []
        func walk(_ command: [String: Any], _ path: [String]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                for name in names where name == "output" || name == "errors" {
                    found.insert((path + [name]).joined(separator: " "))
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + [sub["commandName"] as? String ?? "?"])
            }
        }
        walk(try XCTUnwrap(root["command"] as? [String: Any]), [])
        XCTAssertEqual(
            found,
            [
                "score output", "score errors", "template output", "form output", "import errors", "coverage output",
                "unscreened output",
                "results output", "warnings output", "report output", "export output", "merge output",
            ])
        let covered = Set(writers().map { $0.name.split(separator: " ").first.map(String.init) ?? "" })
        for entry in found { XCTAssertTrue(covered.contains(String(entry.split(separator: " ")[0])), entry) }
    }
}
