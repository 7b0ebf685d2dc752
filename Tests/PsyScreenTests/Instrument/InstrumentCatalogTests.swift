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

    func testTwoFilesWithTheSameIDAreReported() throws {
        let directory = makeTemporaryDirectory()
        for name in ["psyscreen.xsd", "xml.xsd", "phq9.xml"] {
            try FileManager.default.copyItem(atPath: Fixtures.instrumentsDirectory + "/" + name, toPath: directory + "/" + name)
        }
        try FileManager.default.copyItem(atPath: Fixtures.instrumentsDirectory + "/phq9.xml", toPath: directory + "/phq9-copy.xml")
        XCTAssertThrowsError(try InstrumentCatalog.load(directory: directory)) { error in
            XCTAssertEqual(
                "\(error)", "\(directory)/phq9.xml:1: error: instrument id 'phq9' is already defined in \(directory)/phq9-copy.xml")
        }
    }

    func testLocatingTheInstrumentsFolder() {
        XCTAssertEqual(InstrumentDirectory.locate(explicit: "/x", environment: ["PSYSCREEN_INSTRUMENTS": "/y"]), "/x")
        XCTAssertEqual(InstrumentDirectory.locate(explicit: nil, environment: ["PSYSCREEN_INSTRUMENTS": "/y"]), "/y")
        XCTAssertEqual(
            InstrumentDirectory.locate(explicit: nil, environment: [:], currentDirectory: Fixtures.repositoryRoot, executablePath: "/bin/true"),
            Fixtures.instrumentsDirectory)
        XCTAssertEqual(
            InstrumentDirectory.locate(
                explicit: nil, environment: [:], currentDirectory: "/",
                executablePath: Fixtures.repositoryRoot + "/.build/release/psyscreen"),
            Fixtures.instrumentsDirectory)
        XCTAssertNil(InstrumentDirectory.locate(explicit: nil, environment: [:], currentDirectory: "/", executablePath: "/bin/true"))
    }
}
