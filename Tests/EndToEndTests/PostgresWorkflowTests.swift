import Foundation
import PsyScreenTestSupport
import XCTest

/// The README's school-database, lab-terminal and report workflows give the same outputs, byte for byte apart
/// from times, on a SQLite file and on a PostgreSQL database (run as the tables' owner, as a school moving its file
/// to a server would).
final class PostgresWorkflowTests: XCTestCase {
    /// One workflow against one database: every command's exit status, standard output and error, and the files
    /// it wrote, with times and the database's name masked.
    private func run(_ steps: [Step], database: String, in folder: String) throws -> [String] {
        let cli = CLIRunner(
            currentDirectory: folder, environment: ["PSYSCREEN_DB": database, "PSYSCREEN_KEY": folder + "/keys/pseudonym.key"])
        var transcript: [String] = []
        for step in steps {
            let output = try cli.run(step.arguments, input: step.input)
            var text =
                "$ \(step.arguments.joined(separator: " "))\nexit \(output.status)\n\(output.stdout)\n--- stderr\n\(output.stderr)"
            for file in step.files {
                text += "\n--- \(file)\n" + (try Self.contents(folder + "/" + file))
            }
            transcript.append(Self.masked(text, database: database).replacingOccurrences(of: folder, with: "<folder>"))
        }
        return transcript
    }

    /// A file's text; a workbook's parts, each by name (their bytes: only the times may differ).
    private static func contents(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "(missing)" }
        guard path.hasSuffix(".xlsx") else {
            return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? "(unreadable)"
        }
        return try SpreadsheetTools.python(
            """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            for name in sorted(z.namelist()):
                print("## " + name)
                print(z.read(name).decode("utf-8", "replace"))
            """, [path])
    }

    private struct Step {
        var arguments: [String]
        var input = ""
        var files: [String] = []
    }

    /// Times vary between runs; the database is named differently (and each run has its own folder).
    static func masked(_ text: String, database: String) -> String {
        var text = text.replacingOccurrences(of: database, with: "<db>")
        for pattern in [
            #"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?"#,  // timestamps
            #"\d{4}-\d\d-\d\d"#,  // dates
        ] {
            text = text.replacingOccurrences(of: pattern, with: "<time>", options: .regularExpression)
        }
        return text
    }

    /// Runs `steps` on both stores and fails where they differ; returns the SQLite store's transcript.
    @discardableResult
    private func compare(_ steps: [Step], file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let sqliteFolder = scratch(), postgresFolder = scratch()
        let sqlite = try run(steps, database: sqliteFolder + "/school.sqlite", in: sqliteFolder)
        let postgres = try run(steps, database: database.url, in: postgresFolder)
        XCTAssertEqual(sqlite.count, postgres.count, file: file, line: line)
        for (left, right) in zip(sqlite, postgres) where left != right {
            XCTFail("differs:\n=== SQLite\n\(left)\n=== PostgreSQL\n\(right)", file: file, line: line)
        }
        return sqlite
    }

    private func scratch() -> String {
        let path = Fixtures.temporaryDirectory("workflow")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testTheSchoolDatabaseWorkflow() throws {
        let samples = Fixtures.samplesDirectory
        try compare([
            Step(arguments: ["roster", "import", samples + "/roster.csv"]),
            Step(
                arguments: [
                    "import", "--wave", "2026-autumn", "--battery", "annual", samples + "/paper-results.csv", "--errors",
                    "errors.csv",
                ], files: ["errors.csv"]),
            Step(arguments: ["import", "--wave", "2026-autumn", "--battery", "annual", samples + "/paper-results-gb18030.csv"]),
            Step(arguments: ["import", "--wave", "2026-autumn", "--battery", "annual", samples + "/paper-results.csv"]),
            Step(arguments: ["coverage", "--wave", "2026-autumn", "--by", "class"]),
            Step(
                arguments: ["coverage", "--wave", "2026-autumn", "--by", "grade", "--format", "csv", "-o", "coverage.csv"],
                files: ["coverage.csv"]),
            Step(arguments: ["coverage", "--wave", "2026-autumn", "--format", "json"]),
            Step(arguments: ["unscreened", "--wave", "2026-autumn", "--school", "第一职业中专"]),
            Step(arguments: ["warnings", "--wave", "2026-autumn"]),
            Step(
                arguments: ["warnings", "--wave", "2026-autumn", "--level", "red", "--format", "csv", "-o", "red.csv"],
                files: ["red.csv"]),
            Step(arguments: ["follow-up", "A20250004", "--wave", "2026-autumn", "--status", "contacted", "--note", "班主任已谈话"]),
            Step(arguments: ["follow-up", "Z99", "--wave", "2026-autumn", "--status", "closed"]),
            Step(arguments: ["history", "A20250004"]),
            Step(arguments: ["warnings", "--wave", "2026-autumn", "--format", "json"]),
            Step(arguments: ["results", "--wave", "2026-autumn", "-o", "results.csv"], files: ["results.csv"]),
            Step(arguments: ["results", "--wave", "2026-autumn", "--format", "json", "-o", "-"]),
            Step(arguments: ["roster", "import", samples + "/roster.csv"]),
            Step(arguments: ["coverage", "--wave", "2026-spring"]),
            Step(arguments: ["audit"]),
        ])
    }

    func testTheReportWorkflow() throws {
        let samples = Fixtures.samplesDirectory
        let transcript = try compare([
            Step(arguments: ["roster", "import", samples + "/roster.csv"]),
            Step(arguments: ["import", "--wave", "2026-autumn", "--battery", "annual", samples + "/paper-results.csv"]),
            Step(arguments: ["report", "--wave", "2026-autumn", "--min-cell", "5"]),
            Step(arguments: ["wave", "close", "2026-autumn", "--min-cell", "5"]),
            Step(arguments: ["report", "--wave", "2026-autumn", "--min-cell", "5"]),
            Step(
                arguments: ["report", "--wave", "2026-autumn", "--min-cell", "5", "--format", "csv", "-o", "report.csv"],
                files: ["report.csv"]),
            Step(arguments: ["report", "--wave", "2026-autumn", "--min-cell", "5", "--format", "json"]),
            Step(
                arguments: ["export", "--wave", "2026-autumn", "--min-cell", "5", "-o", "school-a.json"], files: ["school-a.json"]
            ),
            Step(arguments: ["key", "init"]),
            Step(arguments: ["export", "--deidentified", "--wave", "2026-autumn", "--min-cell", "5", "-o", "research.csv"]),
            Step(arguments: ["report", "--wave", "2026-nope"]),
            Step(arguments: ["wave", "open", "2026-autumn"]),
            Step(arguments: ["report", "--wave", "2026-autumn", "--min-cell", "5"]),
            Step(arguments: ["report", "--wave", "2026-autumn", "--min-cell", "5", "--draft", "-o", "draft.md", "--format", "md"]
            ),
            Step(arguments: ["wave", "close", "2026-autumn", "--min-cell", "5"]),
            Step(arguments: ["audit"]),
        ])
        // An open wave is refused, a closed one reported, on both stores alike.
        XCTAssertTrue(transcript[2].contains("exit 2\n"), transcript[2])
        XCTAssertTrue(transcript[3].contains("exit 0\nclosed wave 2026-autumn: "), transcript[3])
        XCTAssertTrue(transcript[4].contains("exit 0\n"), transcript[4])
    }

    func testTheLabTerminalWorkflow() throws {
        let samples = Fixtures.samplesDirectory
        let take = ["take", "--battery", "annual", "--wave", "2026-autumn", "--lang", "en"]
        let full = Array(repeating: "1", count: 16)
        try compare([
            Step(arguments: ["roster", "import", samples + "/roster.csv"]),
            // A whole sitting; a crisis answer then quitting; resuming it; a refusal; an unknown ID; a finished one.
            Step(arguments: take, input: (["A20250001", "y", "y"] + full).map { $0 + "\n" }.joined()),
            Step(
                arguments: take,
                input: (["A20250002", "y", "y", "1", "1", "1", "1", "1", "1", "1", "1", "2", "q"]).map { $0 + "\n" }.joined()),
            Step(
                arguments: take,
                input: (["A20250002", "y", "b", "0"] + Array(repeating: "0", count: 7) + ["s", "?"]).map { $0 + "\n" }.joined()),
            Step(arguments: take, input: (["A20250003", "y", "n"]).map { $0 + "\n" }.joined()),
            Step(arguments: take, input: (["NOBODY", "A20250001", "y"]).map { $0 + "\n" }.joined()),
            Step(
                arguments: take + ["--kiosk"],
                input: (["A20250004", "y", "y"] + full + ["", "A20250005", "n"]).map { $0 + "\n" }.joined()),
            Step(arguments: ["warnings", "--wave", "2026-autumn", "--format", "csv", "-o", "-"]),
            Step(arguments: ["results", "--wave", "2026-autumn", "-o", "-"]),
            Step(arguments: ["history", "A20250002"]),
            Step(arguments: ["coverage", "--wave", "2026-autumn"]),
        ])
    }

    /// Workbooks in and out, and the listings that stream (with a unit chosen), give the same on both stores.
    func testTheWorkbookAndListingWorkflow() throws {
        try SpreadsheetTools.requireOpenpyxl()
        let samples = Fixtures.samplesDirectory
        let inputs = scratch()
        // The sample paper results as a workbook (every cell text, as keyed in).
        _ = try SpreadsheetTools.python(
            """
            import csv, sys, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "成绩"
            with open(sys.argv[1], encoding="utf-8") as f:
                for row in csv.reader(f):
                    ws.append(row)
            wb.save(sys.argv[2])
            """, [samples + "/paper-results.csv", inputs + "/paper.xlsx"])
        let wave = ["--wave", "2026-autumn"]
        try compare([
            Step(arguments: ["roster", "import", samples + "/roster.csv"]),
            Step(
                arguments: ["import"] + wave + ["--battery", "annual", inputs + "/paper.xlsx", "--errors", "errors.csv"],
                files: ["errors.csv"]),
            Step(arguments: ["import"] + wave + ["--battery", "annual", inputs + "/paper.xlsx"]),
            Step(arguments: ["results"] + wave + ["-o", "results.xlsx"], files: ["results.xlsx"]),
            Step(arguments: ["results"] + wave + ["--format", "json", "-o", "-"]),
            Step(arguments: ["warnings"] + wave + ["-o", "warnings.xlsx", "--lang", "en"], files: ["warnings.xlsx"]),
            Step(arguments: ["warnings"] + wave + ["--level", "yellow", "--format", "json", "-o", "-"]),
            Step(arguments: ["unscreened"] + wave + ["--format", "xlsx", "-o", "unscreened.xlsx"], files: ["unscreened.xlsx"]),
            Step(arguments: ["unscreened"] + wave + ["--grade", "2025", "--format", "csv", "-o", "-"]),
            Step(arguments: ["unscreened"] + wave + ["--class", "2025级1班"]),
            Step(arguments: ["coverage"] + wave + ["--by", "class", "-o", "coverage.xlsx"], files: ["coverage.xlsx"]),
            Step(arguments: ["wave", "close"] + wave.suffix(1) + ["--min-cell", "5"]),
            Step(arguments: ["report"] + wave + ["--min-cell", "5", "-o", "report.xlsx"], files: ["report.xlsx"]),
            Step(
                arguments: ["template", "--battery", "annual"] + wave + ["--class", "2025级1班", "-o", "class.xlsx"],
                files: ["class.xlsx"]),
        ])
    }
}
