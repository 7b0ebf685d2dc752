import Foundation
import PsyScreenTestSupport
import XCTest

/// Every file that can hold an ID, a name or an answer is owner-only, whatever the umask.
final class OwnerOnlyFilesTests: XCTestCase {
    var school: SchoolFolder!

    override func setUpWithError() throws {
        school = try SchoolFolder()
        school.cli.umask = "000"
    }

    override func tearDown() { school?.remove() }

    func testIdentifiedFilesAre0600UnderUmask000() throws {
        let out = school.directory + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let runs: [(arguments: [String], file: String, status: Int32)] = [
            (
                ["score", "--battery", "annual", school.input, "-o", out + "/scores.csv", "--errors", out + "/score-errors.csv"],
                "scores.csv", 1
            ),
            (
                [
                    "score", "--battery", "annual", school.input, "-o", out + "/scores2.csv", "--errors",
                    out + "/score-errors.csv",
                ], "score-errors.csv", 1
            ),
            (
                ["import", "--wave", "w2", "--battery", "annual", school.input, "--errors", out + "/import-errors.csv"],
                "import-errors.csv", 1
            ),
            (["results", "--wave", "w", "-o", out + "/results.csv"], "results.csv", 0),
            (["unscreened", "--wave", "w", "-o", out + "/unscreened.csv"], "unscreened.csv", 0),
            (["warnings", "--wave", "w", "-o", out + "/warnings.csv"], "warnings.csv", 0),
            (["export", "--wave", "w", "-o", out + "/school.json"], "school.json", 0),
            (["export", "--wave", "w", "--deidentified", "-o", out + "/extract.csv"], "extract.csv", 0),
            (["db", "backup", out + "/backup.sqlite"], "backup.sqlite", 0),
            (["form", "--battery", "annual", "--wave", "w", "-o", out + "/forms.html"], "forms.html", 0),
            (["key", "init", "--key", out + "/keys/other.key"], "keys/other.key", 0),
            (["roster", "import", "--db", out + "/new.sqlite", Fixtures.samplesDirectory + "/roster.csv"], "new.sqlite", 0),
        ]
        for (arguments, file, status) in runs {
            let run = try school.cli.run(arguments)
            XCTAssertEqual(run.status, status, "\(arguments): \(run.stderr)")
            XCTAssertEqual(school.mode(out + "/" + file), 0o600, file)
        }
        // Shareable outputs (counts, anonymized reports, a header) are readable, never writable, by others.
        for (arguments, file) in [
            (["coverage", "--wave", "w", "-o", out + "/coverage.csv"], "coverage.csv"),
            (["report", "--wave", "w", "-o", out + "/report.txt"], "report.txt"),
            (["merge", school.exchange, "-o", out + "/district.txt"], "district.txt"),
            (["template", "--battery", "annual", "-o", out + "/template.csv"], "template.csv"),
            (["form", "--battery", "annual", "-o", out + "/blank.html"], "blank.html"),
        ] {
            let run = try school.cli.run(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            XCTAssertEqual(school.mode(out + "/" + file), 0o644, file)
        }
        // Nothing else was left behind (temporary files, a WAL).
        let left = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(
            left,
            [
                "backup.sqlite", "blank.html", "coverage.csv", "district.txt", "extract.csv", "forms.html", "import-errors.csv",
                "keys",
                "new.sqlite", "report.txt",
                "results.csv", "school.json", "score-errors.csv", "scores.csv", "scores2.csv", "template.csv", "unscreened.csv",
                "warnings.csv",
            ])
    }

    func testAnExistingDatabaseKeepsItsMode() throws {
        // Made group-readable by its owner on purpose: psyscreen never changes the mode of a file it did not create.
        XCTAssertEqual(chmod(school.database, 0o640), 0)
        for arguments in [["coverage", "--wave", "w"], ["import", "--wave", "w3", "--battery", "annual", school.input]] {
            _ = try school.cli.run(arguments)
            XCTAssertEqual(school.mode(school.database), 0o640, "\(arguments)")
        }
    }
}
