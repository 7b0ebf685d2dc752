import Foundation
import PsyScreenTestSupport
import XCTest

/// `form` through the binary: blank and pre-filled stacks, owner-only files, clear refusals.
final class FormCommandTests: XCTestCase {
    var directory = ""
    var cli = CLIRunner()
    var db: String { directory + "/school.sqlite" }

    override func setUpWithError() throws {
        directory = Fixtures.temporaryDirectory("e2e-form")
        cli = CLIRunner(environment: ["PSYSCREEN_DB": db])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    func importRoster(_ csv: String) throws {
        let path = directory + "/roster.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try cli.run(["roster", "import", path])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func testABlankFormHoldsNoRosterDataAndIsNotOwnerOnly() throws {
        let roster = try cli.run(["roster", "import", "samples/roster.csv"])
        XCTAssertEqual(roster.status, 0, roster.stderr)
        let stdout = try cli.run(["form", "--battery", "annual"])
        XCTAssertEqual(stdout.status, 0, stdout.stderr)
        XCTAssertEqual(stdout.stderr, "standard output: 1 form of battery annual (en), 2 pages\n")
        XCTAssertEqual(stdout.stdout.components(separatedBy: "<tr style=").count - 1, 16)
        let students = try CSVRows.read(Fixtures.samplesDirectory + "/roster.csv").dropFirst()
        XCTAssertEqual(students.count, 125)
        for student in students {
            XCTAssertFalse(stdout.stdout.contains(student[0]), student[0])
            XCTAssertFalse(stdout.stdout.contains(">\(student[1])<"), student[1])
            XCTAssertFalse(stdout.stdout.contains(student[4]), student[4])
        }
        let file = directory + "/blank.html"
        let written = try cli.run(["form", "--battery", "annual", "--lang", "en", "-o", file])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(try mode(file), 0o644)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("Little interest or pleasure in doing things"))
        // Nothing about a blank form goes to the audit trail: it names nobody.
        XCTAssertFalse(try cli.run(["audit"]).stdout.contains("paper forms"))
    }

    func testAClassStackIsInRosterOrderOwnerOnlyAndAudited() throws {
        try importRoster(
            """
            student_id,name,school,grade,class,gender,status
            A3,罗洋宇,一中,2026,2026级1班,男,在籍
            A1,高梓,一中,2026,2026级1班,女,在籍
            A2,徐然玲,一中,2026,2026级1班,女,休学
            B1,陈晨,一中,2026,2026级2班,男,在籍
            A4,<王&芳>,一中,2026,2026级1班,女,实习
            A5,赵磊,一中,2026,2026级1班,男,在籍

            """)
        let file = directory + "/class.html"
        let run = try cli.run(["form", "--battery", "annual", "--wave", "2026-autumn", "--class", "2026级1班", "-o", file])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "\(file): 3 forms of battery annual (en), 2 pages each, 6 in all\n")
        XCTAssertEqual(try mode(file), 0o600)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        let ids = html.components(separatedBy: "<span class=\"field id\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
        XCTAssertEqual(ids, ["A1", "A3", "A5"])
        let names = html.components(separatedBy: "<span class=\"field name\">").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
        XCTAssertEqual(names, ["高梓", "罗洋宇", "赵磊"])
        XCTAssertEqual(html.components(separatedBy: "<section class=\"page\">").count - 1, 6)
        XCTAssertFalse(html.contains("陈晨"))
        XCTAssertFalse(html.contains("徐然玲"))
        let audit = try cli.run(["audit"])
        XCTAssertTrue(audit.stdout.contains("paper forms of wave 2026-autumn to \(file): 3 rows"), audit.stdout)
    }

    func testRefusalsSayWhatIsWrongAndWriteNothing() throws {
        try importRoster("student_id,name,school,grade,class,gender,status\nA1,高梓,一中,2026,1班,女,在籍\n")
        let file = directory + "/out.html"
        let cases: [([String], String)] = [
            (["--class", "1班"], "pre-filled forms need --wave (the screening they are for)"),
            (["--db", db], "pre-filled forms need --wave"),
            (["--format", "pdf"], "--format pdf needs -o FILE"),
            (["--id-boxes", "30"], "--id-boxes must be between 4 and 20"),
            (["--wave", "w", "--class", "9班", "-o", file], "\(db): error: no enrolled students in class 9班 on the roster"),
        ]
        for (arguments, message) in cases {
            let run = try cli.run(["form", "--battery", "annual"] + arguments)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout, "")
        }
        let unknown = try cli.run(["form", "--battery", "weekly"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no battery 'weekly' (known: annual)"), unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
    }

    func testPDFWithoutABrowserSaysSoAndWritesNothing() throws {
        var runner = cli
        runner.environment["PATH"] = directory
        runner.environment["PSYSCREEN_CHROMIUM"] = nil
        try importRoster("student_id,name,school,grade,class,gender,status\nA1,高梓,一中,2026,1班,女,在籍\n")
        let file = directory + "/forms.pdf"
        for arguments in [["-o", file], ["--format", "pdf", "-o", directory + "/forms", "--wave", "w"]] {
            let run = try runner.run(["form", "--battery", "annual"] + arguments)
            XCTAssertEqual(run.status, 2)
            XCTAssertTrue(run.stderr.hasPrefix("error: cannot make a PDF: no Chromium-family browser found"), run.stderr)
            XCTAssertTrue(run.stderr.contains("--format html"), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/forms"))
        // No export was recorded for the forms that were not written.
        XCTAssertFalse(try cli.run(["audit"]).stdout.contains("paper forms"))
    }
}
