import PsyScreen
import PsyScreenTestSupport
import XCTest

final class BatteryTests: XCTestCase {
    let loader = try! InstrumentLoader(schemaPath: Fixtures.schemaPath)

    static let base = """
        <?xml version="1.0" encoding="UTF-8"?>
        <battery xmlns="urn:psyscreen:instrument:1" id="mini" version="1">
          <title xml:lang="en">Mini</title>
          <instrument ref="phq9"/>
          <instrument ref="gad7"/>
          <consent xml:lang="en">Consent?</consent>
          <closing xml:lang="en">Thanks.</closing>
          <crisis xml:lang="en">Call 12356.</crisis>
          <policy>
            <red><flag instrument="phq9" id="item9"/></red>
            <orange><score instrument="gad7" scale="total" min="15"/></orange>
          </policy>
        </battery>
        """

    func resolve(_ xml: String) throws -> Battery {
        guard case .battery(let file) = try loader.load(Array(xml.utf8), file: "mini.xml") else {
            throw InputError(at: SourceLocation(file: "mini.xml", line: 1), InstrumentMessage.fileIsBattery)
        }
        return try file.resolve { Fixtures.catalog.instrument($0) }
    }

    func messages(replacing old: String, with new: String) -> [String] {
        XCTAssertTrue(Self.base.contains(old))
        do {
            _ = try resolve(Self.base.replacingOccurrences(of: old, with: new))
            return []
        } catch {
            return (error as? InputError)?.diagnostics.map(\.description) ?? ["\(error)"]
        }
    }

    func testTheShippedAnnualBattery() throws {
        let annual = try XCTUnwrap(Fixtures.catalog.battery("annual"))
        XCTAssertEqual(annual.instruments.map(\.id), ["phq9", "gad7"])
        XCTAssertEqual(annual.itemCount, 16)
        XCTAssertTrue(annual.crisis.text(in: "zh-Hans").contains("12356"))
        XCTAssertTrue(annual.crisis.text(in: "en").contains("12356"))
        XCTAssertTrue(annual.crisis.text(in: "en").contains("counselor today"))
        XCTAssertEqual(annual.policy.conditions[.red], [.flag(instrument: "phq9", flag: "item9")])
    }

    func testAScoreConditionAndDefaults() throws {
        let battery = try resolve(Self.base)
        let gad7 = try Fixtures.engine("gad7").score([3, 3, 3, 3, 3, 0, 0])
        XCTAssertEqual(battery.policy.assess([gad7]).level, .orange)
        XCTAssertEqual(battery.policy.assess([gad7]).reasons.map(\.code), ["gad7.total ≥ 15"])
    }

    func testABatteryNamingAnUnknownInstrument() {
        XCTAssertEqual(
            messages(replacing: "<instrument ref=\"gad7\"/>", with: "<instrument ref=\"mht\"/>"),
            [
                "mini.xml:5: error: unknown instrument 'mht' (no instrument file with this id)",
                "mini.xml:11: error: the policy names instrument 'gad7', which is not in this battery",
            ])
    }

    func testACrisisFlagMustGiveRed() {
        XCTAssertEqual(
            messages(
                replacing: "<red><flag instrument=\"phq9\" id=\"item9\"/></red>",
                with: "<red><score instrument=\"phq9\" scale=\"total\" min=\"27\"/></red>"),
            ["mini.xml:9: error: crisis flag 'item9' of instrument 'phq9' must give red in the policy"])
    }

    func testPolicyNamingUnknownFlagScaleAndBand() {
        XCTAssertEqual(
            messages(
                replacing: "<orange><score instrument=\"gad7\" scale=\"total\" min=\"15\"/></orange>",
                with: """
                    <orange><flag instrument="gad7" id="item9"/><score instrument="gad7" scale="sum" min="15"/></orange>
                        <yellow><band instrument="phq9" scale="total" ids="moderate medium"/></yellow>
                    """),
            [
                "mini.xml:11: error: instrument 'gad7' has no flag 'item9'",
                "mini.xml:11: error: instrument 'gad7' has no scale 'sum'",
                "mini.xml:12: error: scale 'phq9.total' has no band 'medium'",
            ])
    }

    func testMissingTranslationInABattery() {
        XCTAssertEqual(
            messages(
                replacing: "<closing xml:lang=\"en\">Thanks.</closing>",
                with: "<closing xml:lang=\"en\">Thanks.</closing><closing xml:lang=\"zh-Hans\">谢谢。</closing>"),
            [
                "mini.xml:3: error: title has no 'zh-Hans' translation (other texts of this file have one)",
                "mini.xml:6: error: consent has no 'zh-Hans' translation (other texts of this file have one)",
                "mini.xml:8: error: crisis has no 'zh-Hans' translation (other texts of this file have one)",
            ])
    }
}
