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
        // Counts and statistics are numbers; the marker and the coded ends (<5%, >95%) are the only text.
        XCTAssertEqual(
            types.trimmingCharacters(in: .newlines),
            #"[["float", "int", "str"], ["float", "int", "str"], ["float", "int", "str"]]"#)
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

    func testEachSchoolsExportMergedEqualsTheJointReportAtSchoolLevel() throws {
        var files: [String] = []
        for index in TwoSchoolWave.schools.indices {
            let file = "school\(index).json"
            _ = try run(["export", "--db", Self.schoolDatabase(index), "--wave", "2026-autumn", "-o", file])
            let attributes = try FileManager.default.attributesOfItem(atPath: Self.directory + "/" + file)
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
            files.append(file)
        }
        let merged = table(try run(["merge"] + files + ["--format", "csv"]).stdout)
        let joint = table(try run(["report", "--db", Self.joint, "--wave", "2026-autumn", "--format", "csv"]).stdout)
        for school in TwoSchoolWave.schools {
            for statistic in [
                ",,,enrolled", ",,,screened", ",phq9,total,n", ",phq9,total,mean", ",phq9,total,sd",
                ",gad7,total,n", ",gad7,total,mean", ",gad7,total,sd", ",phq9,total,alpha",
            ] {
                let key = "school,\(school),,," + statistic
                XCTAssertNotNil(joint[key], key)
                XCTAssertNotEqual(joint[key], "—", key)
                if statistic.hasSuffix("mean") || statistic.hasSuffix("sd") || statistic.hasSuffix("alpha") {
                    XCTAssertEqual(Double(merged[key] ?? "")!, Double(joint[key]!)!, accuracy: 1e-9, key)
                } else {
                    XCTAssertEqual(merged[key], joint[key], key)
                }
            }
        }
        // One school's file alone gives that school's own report figures.
        let own = table(try run(["report", "--db", Self.schoolDatabase(0), "--wave", "2026-autumn", "--format", "csv"]).stdout)
        let alone = table(try run(["merge", files[0], "--format", "csv"]).stdout)
        for (key, value) in alone where key.hasPrefix("school,") || key.hasPrefix("grade,") {
            XCTAssertEqual(value, own[key], key)
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
}
