import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// `report`, `export`, `merge`, `key init` and `export --deidentified` through the built binary, on the
/// generated two-school wave: a joint database and one database per school.
final class ReportCommandsTests: XCTestCase {
    static let wave = TwoSchoolWave()
    static let directory = Fixtures.temporaryDirectory("report-e2e")
    static let joint = directory + "/joint.sqlite"
    static func schoolDatabase(_ index: Int) -> String { directory + "/school\(index).sqlite" }

    var cli: CLIRunner { CLIRunner(currentDirectory: Self.directory) }

    override class func setUp() {
        super.setUp()
        do {
            try seed(joint, wave)
            for (index, school) in TwoSchoolWave.schools.enumerated() { try seed(schoolDatabase(index), wave.only(school)) }
        } catch {
            fatalError("cannot seed the test databases: \(error)")
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
        super.tearDown()
    }

    static func seed(_ path: String, _ wave: TwoSchoolWave) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        let store = try SQLiteStore(path: path, user: "counselor")
        _ = try store.importRoster(wave.students, source: "roster.csv")
        let sheets = wave.students.compactMap { student in
            wave.answers[student.studentID].map { PaperSheet(studentID: student.studentID, line: 2, answers: $0) }
        }
        _ = try store.importPaper(
            wave: "2026-autumn", battery: Fixtures.catalog.battery("annual")!, path: "paper.csv", fileHash: "h",
            sheets: sheets)
        let cohort = try store.cohort(wave: "2026-autumn", catalog: Fixtures.catalog)
        let pattern = try CohortReportBuilder.pattern(cohort.tables, threshold: .standard, policy: cohort.policy)
        _ = try store.closeWave("2026-autumn", threshold: .standard, pattern: pattern.encoded(columns: cohort.tables.columns))
    }

    private func run(_ arguments: [String]) throws -> CLIRunner.Output {
        let output = try cli.run(arguments)
        XCTAssertEqual(output.status, 0, "\(arguments): \(output.stderr)")
        return output
    }

    /// CSV rows keyed by everything but the value.
    private func table(_ csv: String) -> [String: String] {
        var rows: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[fields.dropLast().joined(separator: ",")] = fields.last!
        }
        return rows
    }

    func testNoOutputFormatHoldsARosterIDOrName() throws {
        // The search itself finds what is there, wherever it is.
        XCTAssertEqual(Leaks.find(["A20250001", "张小明", "李"], in: "<td>x张小明</td>A20250001\n"), ["A20250001", "张小明"])
        for format in CohortReportFormat.allCases {
            for language in ["zh-Hans", "en"] {
                let output = try run([
                    "report", "--db", Self.joint, "--wave", "2026-autumn", "--format", format.rawValue, "--lang", language,
                ])
                XCTAssertFalse(output.stdout.isEmpty)
                var text = output.stdout
                if format == .xlsx {
                    // Compressed: search the cells of every sheet instead.
                    let path = Self.directory + "/report-\(language).xlsx"
                    _ = try run(["report", "--db", Self.joint, "--wave", "2026-autumn", "--lang", language, "-o", path])
                    text = try SheetRowStream.sheetNames(path: path).map { sheet in
                        try SheetRowStream(path: path, sheet: sheet).allRows().flatMap(\.cells).joined(separator: "\n")
                    }.joined(separator: "\n")
                    XCTAssertTrue(text.contains("2026-autumn"), text)
                }
                let identifiers = Self.wave.students.flatMap { [$0.studentID, $0.name] }
                XCTAssertEqual(Leaks.find(identifiers, in: text), [], "\(format) \(language)")
            }
        }
        _ = try run(["export", "--db", Self.joint, "--wave", "2026-autumn", "-o", "exchange.json"])
        let exchange = try String(contentsOfFile: Self.directory + "/exchange.json", encoding: .utf8)
        XCTAssertEqual(Leaks.find(Self.wave.students.map(\.studentID), in: exchange), [])
    }

    func testTheWorkbookHasOneSheetPerTableNumbersAsNumbersAndTheStampApart() throws {
        let path = Self.directory + "/report.xlsx"
        _ = try run(["report", "--db", Self.joint, "--wave", "2026-autumn", "--format", "xlsx", "--lang", "en", "-o", path])
        XCTAssertEqual(
            try SheetRowStream.sheetNames(path: path),
            ["Coverage and warning levels", "PHQ-9 Depression severity", "GAD-7 Anxiety severity", "About this report"])
        let coverage = try SheetRowStream(path: path, sheet: nil).allRows().map(\.cells)
        XCTAssertEqual(coverage[0], ["Unit", "Enrolled", "Screened", "Coverage %", "Red", "Orange", "Yellow"])
        // The same figures as the table format, hidden ones as the same marker; the small class shows only its
        // enrolment.
        let small = TwoSchoolWave.smallClass
        let smallRow = try XCTUnwrap(coverage.first { $0[0] == "\(small.school) / \(small.grade) / \(small.className)" })
        XCTAssertEqual(Array(smallRow.dropFirst()), ["6", "—", "—", "—", "—", "—"])
        let table = try run(["report", "--db", Self.joint, "--wave", "2026-autumn", "--lang", "en"]).stdout
        let whole = try XCTUnwrap(coverage.first { $0[0] == "All" })
        XCTAssertTrue(table.contains(whole[3] + "%"), "\(whole) in \(table)")
        let about = try SheetRowStream(path: path, sheet: "About this report").allRows().map(\.cells)
        XCTAssertEqual(about.first?.first, "About this report")
        XCTAssertTrue(about.contains(["wave 2026-autumn"]), "\(about)")

        try SpreadsheetTools.requireOpenpyxl()
        let types = try SpreadsheetTools.python(
            """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps([sorted({type(c.value).__name__ for row in ws.iter_rows(min_row=2) for c in row[1:] if c.value is not None}) for ws in wb.worksheets[:3]]))
            """, [path])
        // Counts and coverage are numbers; the marker and the coded ends (<5%, >95%) are the only text. This wave
        // publishes no mean, SD or median: every unit has a hidden band, and the wave's pattern shows a unit's
        // distribution only where all its bands are shown (docs/report.md).
        XCTAssertEqual(types.trimmingCharacters(in: .newlines), #"[["float", "int", "str"], ["int", "str"], ["int", "str"]]"#)
        let converted = Self.directory + "/report-lo"
        try FileManager.default.createDirectory(atPath: converted, withIntermediateDirectories: true)
        try SpreadsheetTools.convert(path, to: "csv", in: converted)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: converted).filter { $0.hasSuffix(".csv") }.count, 4)
    }

    func testTheCSVShowsNoSmallCountAndTheSmallClassOnlyItsEnrolment() throws {
        let csv = try run(["report", "--db", Self.joint, "--wave", "2026-autumn", "--format", "csv"]).stdout
        let rows = table(csv)
        for (key, value) in rows {
            let statistic = key.split(separator: ",", omittingEmptySubsequences: false)[7]
            if statistic.hasPrefix("band:") || statistic.hasPrefix("level:"), let count = Int(value) {
                XCTAssertFalse((1...9).contains(count), "\(key) = \(count)")
            }
        }
        let small = TwoSchoolWave.smallClass
        let prefix = "class,\(small.school),\(small.grade),\(small.className),"
        let smallRows = rows.filter { $0.key.hasPrefix(prefix) }
        XCTAssertGreaterThan(smallRows.count, 10)
        XCTAssertEqual(smallRows.filter { $0.value != "—" }.map(\.key), [prefix + ",,,enrolled"])
        XCTAssertEqual(rows[prefix + ",,,enrolled"], "6")
    }

    func testTheHTMLHasSVGChartsAndNoExternalURL() throws {
        _ = try run([
            "report", "--db", Self.joint, "--wave", "2026-autumn", "--format", "html", "-o", "report.html", "--lang", "en",
        ])
        let html = try String(contentsOfFile: Self.directory + "/report.html", encoding: .utf8)
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "<svg").count - 1, 3)
        XCTAssertFalse(html.contains("http://") || html.contains("https://"))
        XCTAssertTrue(html.contains("Coverage by class"))
    }

    func testEachSchoolsExportMergedShowsEachSchoolsOwnFigures() throws {
        var files: [String] = []
        for index in TwoSchoolWave.schools.indices {
            let file = "school\(index).json"
            _ = try run(["export", "--db", Self.schoolDatabase(index), "--wave", "2026-autumn", "-o", file])
            let attributes = try FileManager.default.attributesOfItem(atPath: Self.directory + "/" + file)
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
            files.append(file)
        }
        let merged = table(try run(["merge"] + files + ["--format", "csv"]).stdout)
        // Each school's figures are those of its own report (its own pattern), school and grade level.
        for index in files.indices {
            let own = table(
                try run(["report", "--db", Self.schoolDatabase(index), "--wave", "2026-autumn", "--format", "csv"]).stdout)
            var compared = 0
            for (key, value) in own where key.hasPrefix("school,") || (key.hasPrefix("grade,") && !key.hasSuffix(",enrolled")) {
                guard let mergedValue = merged[key] else { continue }
                XCTAssertEqual(mergedValue, value, key)
                compared += 1
            }
            XCTAssertGreaterThan(compared, 50)
            let alone = table(try run(["merge", files[index], "--format", "csv"]).stdout)
            for (key, value) in alone where key.hasPrefix("school,") || key.hasPrefix("grade,") {
                XCTAssertEqual(value, own[key], key)
            }
        }
        // The whole: the coverage counts and n add up exactly to the joint database's.
        let joint = table(try run(["report", "--db", Self.joint, "--wave", "2026-autumn", "--format", "csv"]).stdout)
        for statistic in [",,,enrolled", ",,,screened", ",phq9,total,n", ",gad7,total,n"] {
            let key = "all,,,," + statistic
            XCTAssertNotNil(joint[key], key)
            XCTAssertEqual(merged[key], joint[key], key)
        }
    }

    func testMinimumCellBelowFiveAndUnknownWavesExitTwo() throws {
        let small = try cli.run(["report", "--db", Self.joint, "--wave", "2026-autumn", "--min-cell", "4"])
        XCTAssertEqual(small.status, 2)
        XCTAssertTrue(small.stderr.contains("k ≥ 5"), small.stderr)
        let unknown = try cli.run(["report", "--db", Self.joint, "--wave", "nope"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("wave 'nope' has no screening results"), unknown.stderr)
        let merge = try cli.run(["merge", "/nonexistent.json"])
        XCTAssertEqual(merge.status, 2)
    }

    func testKeyInitAndTheDeidentifiedExtract() throws {
        let keys = makeTemporaryDirectory("keys")
        let key = keys + "/sub/pseudonym.key"
        var runner = cli
        runner.environment["PSYSCREEN_KEY"] = key
        let refused = try runner.run([
            "export", "--deidentified", "--db", Self.joint, "--wave", "2026-autumn", "-o", "extract.csv",
        ])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("psyscreen key init"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: Self.directory + "/extract.csv"))

        XCTAssertEqual(try runner.run(["key", "init"]).status, 0)
        let keyMode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? NSNumber
        XCTAssertEqual(keyMode?.intValue, 0o600)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: key)[.size] as? NSNumber, 32)
        let again = try runner.run(["key", "init"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("refusing to overwrite"), again.stderr)

        let made = try runner.run(["export", "--deidentified", "--db", Self.joint, "--wave", "2026-autumn", "-o", "extract.csv"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stderr.contains("k-anonymity (k = 10)"), made.stderr)
        let path = Self.directory + "/extract.csv"
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let extract = try String(contentsOfFile: path, encoding: .utf8)
        for student in Self.wave.students {
            XCTAssertFalse(extract.contains(student.studentID))
            XCTAssertFalse(extract.contains(student.birthDate!))
        }
        XCTAssertTrue(extract.hasPrefix("pseudonym,school,grade,gender,"))
        let beside = try runner.run([
            "export", "--deidentified", "--db", Self.joint, "--wave", "2026-autumn", "-o", keys + "/sub/x.csv",
        ])
        XCTAssertEqual(beside.status, 2, "never beside the key")
    }

    func testAnOpenWaveIsRefusedOrWrittenAsAnOwnerOnlyDraft() throws {
        let path = Self.directory + "/open.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        try Self.seed(path, Self.wave.only(TwoSchoolWave.schools[0]))
        XCTAssertEqual(try cli.run(["wave", "open", "2026-autumn", "--db", path]).status, 0)
        let refused = try cli.run(["report", "--db", path, "--wave", "2026-autumn"])
        XCTAssertEqual(
            try cli.run(["report", "--db", Self.joint, "--wave", "2026-autumn", "--min-cell", "12"]).status, 2,
            "one pattern per wave and k: the wave was closed with k = 10")
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("wave '2026-autumn' is open"), refused.stderr)
        XCTAssertEqual(try cli.run(["export", "--db", path, "--wave", "2026-autumn", "-o", "open.json"]).status, 2)
        for format in ["html", "md", "csv", "json", "table"] {
            _ = try run([
                "report", "--db", path, "--wave", "2026-autumn", "--draft", "--format", format, "--lang", "en", "-o",
                "draft.\(format)",
            ])
            let file = Self.directory + "/draft.\(format)"
            XCTAssertEqual(
                (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            XCTAssertTrue(text.contains("DRAFT") || text.contains("draft"), format)
        }
        // Every sheet of the workbook carries the marker, and the file is owner-only.
        _ = try run([
            "report", "--db", path, "--wave", "2026-autumn", "--draft", "--format", "xlsx", "--lang", "en", "-o", "draft.xlsx",
        ])
        let workbook = Self.directory + "/draft.xlsx"
        XCTAssertEqual(
            (try FileManager.default.attributesOfItem(atPath: workbook)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let sheets = try SheetRowStream.sheetNames(path: workbook)
        XCTAssertEqual(sheets.count, 4)
        for sheet in sheets {
            let cells = try SheetRowStream(path: workbook, sheet: sheet).allRows().prefix(2).flatMap(\.cells)
            XCTAssertTrue(cells.contains { $0.hasPrefix("DRAFT:") }, "\(sheet): \(cells)")
        }
        // Every table of the terminal and Markdown formats carries the marker.
        let md = try String(contentsOfFile: Self.directory + "/draft.md", encoding: .utf8)
        XCTAssertEqual(md.components(separatedBy: "DRAFT").count - 1, md.components(separatedBy: "\n## ").count)
        _ = try run(["export", "--db", path, "--wave", "2026-autumn", "--draft", "-o", "draft.json"])
        let merge = try cli.run(["merge", "draft.json"])
        XCTAssertEqual(merge.status, 2)
        XCTAssertTrue(merge.stderr.contains("a draft"), merge.stderr)
        XCTAssertEqual(try cli.run(["wave", "close", "2026-autumn", "--db", path]).status, 0)
        _ = try run(["report", "--db", path, "--wave", "2026-autumn", "--audit"])
        let trail = try run(["audit", "--db", path]).stdout
        XCTAssertTrue(trail.contains("wave open") && trail.contains("wave close"), trail)
    }

    func testReportAuditPrintsTheNarrowestInterval() throws {
        let output = try run(["report", "--db", Self.schoolDatabase(1), "--wave", "2026-autumn", "--audit", "--format", "csv"])
        XCTAssertTrue(output.stderr.contains("none pinned, none narrowed below its protection"), output.stderr)
        XCTAssertTrue(output.stderr.contains("narrowest interval: "), output.stderr)
        XCTAssertFalse(output.stdout.isEmpty)
    }
}
