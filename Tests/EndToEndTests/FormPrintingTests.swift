import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// A class's stack printed to PDF by headless Chromium and read back with poppler (`pdfinfo`, `pdftotext`), as a
/// counselor checking the stack would: same page count for everyone, each student on their own first page, every
/// item's wording and option values in the template's column order. Skipped where Chromium, poppler or a Chinese
/// font is missing.
final class FormPrintingTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws { directory = Fixtures.temporaryDirectory("e2e-print") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹")
    static let givenNames = ["子涵", "一诺", "欣怡", "梓轩", "浩然", "雨桐", "宇航", "思远", "佳怡", "俊杰"]

    func onPath(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    func output(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    func testAClassOfThirtyPrintsThirtyFormsOfTheSamePageCount() throws {
        guard HTMLPrinter.locate() != nil else {
            throw XCTSkip("no Chromium-family browser: the PDF is not checked (apt-get install chromium poppler-utils)")
        }
        guard let pdfinfo = onPath("pdfinfo"), let pdftotext = onPath("pdftotext") else {
            throw XCTSkip("no pdfinfo/pdftotext: the PDF is not checked (apt-get install poppler-utils)")
        }
        if let fcList = onPath("fc-list"), try output(fcList, [":lang=zh", "family"]).isEmpty {
            throw XCTSkip("no Chinese font: the PDF is not checked (apt-get install fonts-noto-cjk or fonts-wqy-microhei)")
        }
        let cli = CLIRunner(environment: ["PSYSCREEN_DB": directory + "/school.sqlite"])
        // Thirty students of one class, listed out of order, and others who must not be printed.
        let students = (0..<30).map { index in
            (id: "C2026050" + String(format: "%02d", index + 1), name: "\(Self.surnames[index])\(Self.givenNames[index % 10])")
        }
        var roster = "student_id,name,school,grade,class,gender,status\n"
        for student in students.reversed() { roster += "\(student.id),\(student.name),一中,2026,2026级5班,女,在籍\n" }
        roster += "C202605099,欧阳娜娜,一中,2026,2026级5班,女,休学\nC202606001,司马光,一中,2026,2026级6班,男,在籍\n"
        try roster.write(toFile: directory + "/roster.csv", atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.run(["roster", "import", directory + "/roster.csv"]).status, 0)

        let annual = Fixtures.catalog.battery("annual")!
        let columns = ResultColumns(annual.instruments)
        for language in Language.allCases {
            let pdf = directory + "/class-\(language.rawValue).pdf"
            let run = try cli.run([
                "form", "--battery", "annual", "--lang", language.rawValue, "--wave", "2026-autumn", "--class", "2026级5班", "-o",
                pdf,
            ])
            XCTAssertEqual(run.status, 0, run.stderr)
            let perForm = PaperForm(battery: annual, language: language).pageCount
            XCTAssertEqual(
                run.stderr,
                language == .english
                    ? "\(pdf): 30 forms of battery annual (en), \(perForm) pages each, \(30 * perForm) in all\n"
                    : "\(pdf)：问卷组 annual 的问卷 30 份（zh-Hans），每份 \(perForm) 页，共 \(30 * perForm) 页\n")
            XCTAssertEqual(
                (try FileManager.default.attributesOfItem(atPath: pdf)[.posixPermissions] as! NSNumber).intValue, 0o600)
            let info = try output(pdfinfo, [pdf])
            XCTAssertTrue(info.contains("Pages:           \(30 * perForm)\n"), info)
            XCTAssertTrue(info.contains(" pts (A4)\n"), info)

            let pages = try output(pdftotext, [pdf, "-"]).components(separatedBy: "\u{0C}")
            for (index, student) in students.enumerated() {
                let form = pages[(index * perForm)..<((index + 1) * perForm)]
                let first = form.first!
                XCTAssertTrue(first.contains(student.id), "\(language) form \(index + 1): \(student.id)")
                XCTAssertTrue(first.contains(student.name), "\(language) form \(index + 1): \(student.name)")
                for other in students where other.id != student.id {
                    XCTAssertFalse(form.joined().contains(other.id), "\(language) form \(index + 1) shows \(other.id)")
                }
                let text = form.joined().filter { !$0.isWhitespace }
                // Each item's published wording followed by its option values, in the template's column order.
                var position = text.startIndex
                for column in columns.itemColumns {
                    let instrument = annual.instruments[column.instrumentIndex]
                    let item = instrument.items[column.itemIndex]
                    let values = instrument.responses(for: item).values.map(String.init).joined()
                    let expected = item.text.text(in: language.rawValue).filter { !$0.isWhitespace } + values
                    guard let found = text.range(of: expected, range: position..<text.endIndex) else {
                        XCTFail("\(language) form \(index + 1): \(column.name) '\(expected)' missing or out of order")
                        break
                    }
                    position = found.upperBound
                }
                let codes = form.joined().split(separator: "\n").filter {
                    $0.range(of: #"^[a-z0-9]+_[0-9]+$"#, options: .regularExpression) != nil
                }
                XCTAssertEqual(codes.map(String.init), columns.itemColumnNames, "\(language) form \(index + 1)")
                XCTAssertTrue(form.last!.contains("12356"))
            }
            XCTAssertFalse(pages.joined().contains("C202605099"))
            XCTAssertFalse(pages.joined().contains("司马光"))
        }
    }
}
