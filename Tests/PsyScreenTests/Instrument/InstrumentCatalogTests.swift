import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

final class InstrumentCatalogTests: XCTestCase {
    func testTheShippedCatalog() throws {
        let catalog = Fixtures.catalog
        XCTAssertTrue(Set(catalog.instruments.map(\.id)).isSuperset(of: ["phq9", "gad7"]))
        let phq9 = try catalog.resolveInstrument("phq9")
        XCTAssertEqual(phq9.items.map(\.id), (1...9).map(String.init))
        XCTAssertEqual(phq9.scale("total")?.bands.map(\.id), ["minimal", "mild", "moderate", "moderately-severe", "severe"])
        XCTAssertEqual(phq9.flag("item9")?.kind, .crisis)
        XCTAssertEqual(phq9.languages, ["zh-Hans", "en"])
        XCTAssertEqual(try catalog.resolveInstrument(Fixtures.instrumentsDirectory + "/gad7.xml").id, "gad7")
        XCTAssertThrowsError(try catalog.resolveInstrument("scl90")) { error in
            XCTAssertTrue("\(error)".contains("no instrument 'scl90'"))
        }
    }

    func testTextsAreNormalized() {
        let annual = Fixtures.catalog.battery("annual")!
        let consent = annual.consent.text(in: "en")
        XCTAssertTrue(consent.hasPrefix("This is the school's yearly mental health check. It takes about 5 minutes."))
        XCTAssertEqual(consent.components(separatedBy: "\n\n").count, 2)
        XCTAssertFalse(annual.consent.text(in: "zh-Hans").contains(" 你"))
    }

    func testLanguageFallback() {
        let text = LocalizedText([.init(language: "zh-Hans", text: "中"), .init(language: "en", text: "E")])
        XCTAssertEqual(text.text(in: "zh-Hans"), "中")
        XCTAssertEqual(text.text(in: "zh"), "中")
        XCTAssertEqual(text.text(in: "fr"), "E")
    }

    func testTheShippedFolderHasNoProblems() {
        XCTAssertEqual(Fixtures.catalog.problems.map(\.error.description), [])
    }

    /// A folder with the shipped schema and the named shipped files.
    func folder(_ names: [String]) throws -> String {
        let directory = makeTemporaryDirectory()
        for name in ["psyscreen.xsd", "xml.xsd"] + names {
            try FileManager.default.copyItem(atPath: Fixtures.instrumentsDirectory + "/" + name, toPath: directory + "/" + name)
        }
        return directory
    }

    func testTwoFilesWithTheSameIDAreReportedAndNeitherIsUsed() throws {
        let directory = try folder(["phq9.xml", "gad7.xml"])
        try FileManager.default.copyItem(
            atPath: Fixtures.instrumentsDirectory + "/phq9.xml", toPath: directory + "/phq9-copy.xml")
        let catalog = try InstrumentCatalog.load(directory: directory)
        XCTAssertEqual(catalog.instruments.map(\.id), ["gad7"])
        let expected =
            "\(directory)/phq9.xml:1: error: instrument id 'phq9' is already defined in \(directory)/phq9-copy.xml (neither is used)"
        XCTAssertThrowsError(try catalog.resolveInstrument("phq9")) { error in XCTAssertEqual("\(error)", expected) }
    }

    func testABrokenFileStopsOnlyWhatNeedsIt() throws {
        let directory = try folder(["gad7.xml", "annual.xml"])
        let audit = Fixtures.repositoryRoot + "/Fuzz/corpus/instrument/audit-option-value-overflow.xml"
        try FileManager.default.copyItem(atPath: audit, toPath: directory + "/phq9.xml")
        try "<instrument".write(toFile: directory + "/torn.xml", atomically: true, encoding: .utf8)
        let catalog = try InstrumentCatalog.load(directory: directory)

        XCTAssertEqual(catalog.instruments.map(\.id), ["gad7"])
        XCTAssertEqual(try catalog.resolveInstrument("gad7").items.count, 7)
        XCTAssertEqual(catalog.problems.map { ($0.file as NSString).lastPathComponent }, ["annual.xml", "phq9.xml", "torn.xml"])
        XCTAssertEqual(catalog.problems.map(\.id), ["annual", "phq9", nil])

        let option =
            "\(directory)/phq9.xml:19: error: option value of response set 'frequency' must be a whole number from -1000 to 1000, not '4611686018427387904'"
        XCTAssertThrowsError(try catalog.resolveInstrument("phq9")) { error in
            XCTAssertEqual((error as? InputError)?.diagnostics.first?.description, option)
        }
        // The battery fails with its own error and those of the instrument it needs.
        XCTAssertThrowsError(try catalog.resolveBattery("annual")) { error in
            let lines = (error as? InputError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(
                lines.first,
                "\(directory)/annual.xml:7: error: instrument 'phq9' cannot be used: \(directory)/phq9.xml has errors")
            XCTAssertEqual(lines.dropFirst().first, option)
            XCTAssertEqual(lines.count, 2, lines.description)
        }
        XCTAssertThrowsError(try catalog.resolveInstrument("k10")) { error in
            XCTAssertEqual("\(error)", "\(directory):1: error: no instrument 'k10' (known: gad7; unreadable: torn.xml)")
        }
        XCTAssertEqual(
            catalog.problems[1].warning.description,
            "\(directory)/phq9.xml:19: warning: file not used: option value of response set 'frequency' must be a whole number from -1000 to 1000, not '4611686018427387904'"
        )
        // The battery's warning counts its own errors only.
        XCTAssertEqual(
            catalog.problems[0].warning.description,
            "\(directory)/annual.xml:7: warning: file not used: instrument 'phq9' cannot be used: \(directory)/phq9.xml has errors"
        )
    }

    func testAWarningSaysHowManyMoreErrorsTheFileHas() {
        let problem = InstrumentCatalog.Problem(
            file: "a.xml", id: "a",
            error: InputError([
                Diagnostic(at: SourceLocation(file: "a.xml", line: 3), InstrumentMessage.documentEmpty),
                Diagnostic(at: SourceLocation(file: "a.xml", line: 9), InstrumentMessage.noRootElement),
            ]))
        XCTAssertEqual(
            problem.warning.description,
            "a.xml:3: warning: file not used: the document is empty (and 1 more error: psyscreen validate a.xml)")
        XCTAssertEqual(problem.warning.text(in: .chinese), "a.xml:3: 警告：文件未使用：文件是空的（另有 1 个错误：psyscreen validate a.xml）")
    }

    func testLocatingTheInstrumentsFolder() {
        XCTAssertEqual(InstrumentDirectory.locate(explicit: "/x", environment: ["PSYSCREEN_INSTRUMENTS": "/y"]), "/x")
        XCTAssertEqual(InstrumentDirectory.locate(explicit: nil, environment: ["PSYSCREEN_INSTRUMENTS": "/y"]), "/y")
        XCTAssertEqual(
            InstrumentDirectory.locate(
                explicit: nil, environment: [:], currentDirectory: Fixtures.repositoryRoot, executablePath: "/bin/true"),
            Fixtures.instrumentsDirectory)
        XCTAssertEqual(
            InstrumentDirectory.locate(
                explicit: nil, environment: [:], currentDirectory: "/",
                executablePath: Fixtures.repositoryRoot + "/.build/release/psyscreen"),
            Fixtures.instrumentsDirectory)
        XCTAssertNil(
            InstrumentDirectory.locate(explicit: nil, environment: [:], currentDirectory: "/", executablePath: "/bin/true"))
    }
}
