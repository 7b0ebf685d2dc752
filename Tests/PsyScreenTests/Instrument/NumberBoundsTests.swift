import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Every number of an instrument file is bounded (``InstrumentLimits``): out of range it is a `FILE:LINE: error:`,
/// never a trap. The crashing files of the issue 10 audit are kept in Fuzz/corpus/instrument (they seed the fuzzer).
final class NumberBoundsTests: XCTestCase {
    let loader = try! InstrumentLoader(schemaPath: Fixtures.schemaPath)
    static let auditFolder = Fixtures.repositoryRoot + "/Fuzz/corpus/instrument"

    func messages(replacing old: String, with new: String, in base: String = SemanticErrorTests.base) -> [String] {
        XCTAssertTrue(base.contains(old), "the edit must apply: \(old)")
        do {
            _ = try loader.load(Array(base.replacingOccurrences(of: old, with: new).utf8), file: "demo.xml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func auditMessages(_ name: String) throws -> [String] {
        do {
            _ = try loader.load(Self.auditFolder + "/" + name)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: Self.auditFolder + "/", with: "") }
        }
    }

    // The audit's files: each crashed every command with SIGILL.

    func testAnOptionValuePastAnyIntegerIsAnError() throws {
        XCTAssertEqual(
            try auditMessages("audit-option-value-overflow.xml"),
            [
                "audit-option-value-overflow.xml:19: error: option value of response set 'frequency' must be a whole number from -1000 to 1000, not '4611686018427387904'"
            ])
    }

    func testAMultiplierThatIsNoFiniteNumberIsAnError() throws {
        for value in ["nan", "inf", "1e400"] {
            XCTAssertEqual(
                try auditMessages("audit-multiply-\(value).xml"),
                [
                    "audit-multiply-\(value).xml:68: error: derived scale 'percent' multiply must be a decimal number from -1000 to 1000, not '\(value)'"
                ])
        }
    }

    func testDecimalsPastSixAreAnError() throws {
        for decimals in [17, 18] {
            XCTAssertEqual(
                try auditMessages("audit-decimals-\(decimals).xml"),
                [
                    "audit-decimals-\(decimals).xml:18: error: scale 'mean' decimals must be a whole number from 0 to 6, not '\(decimals)'"
                ])
        }
        let six = try String(contentsOfFile: Self.auditFolder + "/audit-decimals-18.xml", encoding: .utf8)
            .replacingOccurrences(of: "decimals=\"18\"", with: "decimals=\"6\"")
        guard case .instrument(let instrument) = try loader.load(Array(six.utf8), file: "six.xml") else {
            return XCTFail("an instrument")
        }
        XCTAssertEqual(try ScoringEngine(instrument).score([3, 3, 3, 2, 3]).scale("mean")?.score, 2.8)
    }

    // Every other number.

    func testOptionValuesAtAndPastTheBounds() {
        let option = "<option value=\"1\">"
        XCTAssertEqual(
            messages(replacing: option, with: "<option value=\"1000\">"),
            ["demo.xml:19: error: bands of scale 'total' leave a gap: no band covers 4–3000"])
        // Only the number is reported: the set's range (and the bands and flags built on it) is not guessed.
        XCTAssertEqual(
            messages(replacing: option, with: "<option value=\"1001\">"),
            ["demo.xml:11: error: option value of response set 'yn' must be a whole number from -1000 to 1000, not '1001'"])
        XCTAssertEqual(
            messages(replacing: "<option value=\"0\">", with: "<option value=\"-1001\">").first,
            "demo.xml:10: error: option value of response set 'yn' must be a whole number from -1000 to 1000, not '-1001'")
        XCTAssertEqual(
            messages(replacing: option, with: "<option value=\" 1 \">"),
            [
                "demo.xml:11: error: Element 'option', attribute 'value': ' 1 ' is not a valid value of the atomic type 'OptionValue'."
            ],
            "never an option silently dropped")
    }

    func testFlagBounds() {
        XCTAssertEqual(
            messages(replacing: "items=\"3\" min=\"1\"", with: "items=\"3\" min=\"9223372036854775808\""),
            ["demo.xml:21: error: flag 'yes3' min must be a whole number from -1000 to 1000, not '9223372036854775808'"])
        XCTAssertEqual(
            messages(replacing: "items=\"3\" min=\"1\"", with: "items=\"3\" min=\"1\" max=\"0x10\""),
            ["demo.xml:21: error: flag 'yes3' max must be a whole number from -1000 to 1000, not '0x10'"])
    }

    func testBandBoundsMustBePlainFiniteDecimals() {
        XCTAssertEqual(
            messages(replacing: "id=\"high\" min=\"2\" max=\"3\"", with: "id=\"high\" min=\"2\" max=\"1e400\""),
            ["demo.xml:19: error: band 'high' max must be a decimal number from -1000000000 to 1000000000, not '1e400'"])
        XCTAssertEqual(
            messages(replacing: "id=\"low\" min=\"0\"", with: "id=\"low\" min=\"-1\(String(repeating: "0", count: 400))\""),
            [
                "demo.xml:18: error: band 'low' min must be a decimal number from -1000000000 to 1000000000, not '-100000000000000000000000000000000000000…'"
            ])
        XCTAssertEqual(
            messages(replacing: "id=\"low\" min=\"0\" max=\"1\"", with: "id=\"low\" min=\"0\" max=\"1.0000001\""),
            ["demo.xml:18: error: band 'low' max has more than 6 digits after the point ('1.0000001')"])
    }

    func testMinimumAnsweredAndSeconds() {
        XCTAssertEqual(
            messages(replacing: "items=\"1 2 3\"", with: "items=\"1 2 3\" min-answered=\"99999999999999999999\""),
            ["demo.xml:16: error: scale 'total' min-answered must be a whole number from 1 to 500, not '99999999999999999999'"])
        XCTAssertEqual(
            messages(replacing: "</instrument>", with: "  <validity><min-seconds>3601</min-seconds></validity>\n</instrument>"),
            ["demo.xml:22: error: min-seconds must be a whole number from 1 to 3600, not '3601'"])
        XCTAssertEqual(
            messages(replacing: "</instrument>", with: "  <validity><min-seconds> 30 </min-seconds></validity>\n</instrument>"),
            [])
    }

    func testDerivedScales() {
        let derived = { (attributes: String) in
            "</scale>\n  <derived-scale id=\"pct\" of=\"total\" \(attributes)><label xml:lang=\"en\">P</label><label xml:lang=\"zh-Hans\">百</label></derived-scale>"
        }
        XCTAssertEqual(messages(replacing: "</scale>", with: derived("multiply=\"2.5\" add=\"-1\"")), [])
        XCTAssertEqual(
            messages(replacing: "</scale>", with: derived("multiply=\"0\"")),
            ["demo.xml:21: error: derived scale 'pct': multiply must not be 0"])
        XCTAssertEqual(
            messages(replacing: "</scale>", with: derived("multiply=\"1001\"")),
            ["demo.xml:21: error: derived scale 'pct' multiply must be a decimal number from -1000 to 1000, not '1001'"])
        XCTAssertEqual(
            messages(replacing: "</scale>", with: derived("add=\"-inf\"")),
            ["demo.xml:21: error: derived scale 'pct' add must be a decimal number from -1000000 to 1000000, not '-inf'"])
        // Decimals add up along a chain of derived scales: 4 + 3 is past 6.
        XCTAssertEqual(
            messages(
                replacing: "</scale>",
                with: derived("multiply=\"0.0001\"")
                    + "\n  <derived-scale id=\"again\" of=\"pct\" multiply=\"0.001\"><label xml:lang=\"en\">A</label><label xml:lang=\"zh-Hans\">再</label></derived-scale>"
            ),
            [
                "demo.xml:22: error: derived scale 'again' would keep 7 decimals (those of 'pct' and of multiply and add together): at most 6"
            ])
    }

    func testAScoreTooLargeToCountInItsSmallestStep() {
        // 3 items of 0…1000 → 0…3000; × 999.999999 with 6 decimals is about 3×10^15 steps.
        let xml = SemanticErrorTests.base.replacingOccurrences(of: "<option value=\"1\">", with: "<option value=\"1000\">")
            .replacingOccurrences(of: "min=\"2\" max=\"3\"", with: "min=\"2\" max=\"3000\"")
            .replacingOccurrences(of: "items=\"3\" min=\"1\"", with: "items=\"3\" min=\"1000\"")
        XCTAssertEqual(messages(replacing: "</instrument>", with: "</instrument>", in: xml), [])
        XCTAssertEqual(
            messages(
                replacing: "</scale>",
                with:
                    "</scale>\n  <derived-scale id=\"big\" of=\"total\" multiply=\"999.999999\"><label xml:lang=\"en\">B</label><label xml:lang=\"zh-Hans\">大</label></derived-scale>",
                in: xml),
            [
                "demo.xml:21: error: scale 'big' reaches 2999999.997 with 6 decimals: too large (a score × 10^decimals must stay within ±1000000000)"
            ])
    }

    func testCountsOfItemsScalesAndBands() {
        let items = (4...501).map {
            "  <item id=\"\($0)\" responses=\"yn\"><text xml:lang=\"en\">I</text><text xml:lang=\"zh-Hans\">题</text></item>\n"
        }
        let manyItems = messages(replacing: "  <scale id=", with: items.joined() + "  <scale id=")
        XCTAssertTrue(
            manyItems.contains("demo.xml:513: error: an instrument has at most 500 items (this one has 501)"),
            manyItems.description)
        XCTAssertTrue(manyItems.allSatisfy { $0.hasPrefix("demo.xml:") }, manyItems.description)

        let bands = (0...50).map {
            "<band id=\"b\($0)\" min=\"\($0 + 4)\" max=\"\($0 + 4)\"><label xml:lang=\"en\">B</label><label xml:lang=\"zh-Hans\">段</label></band>"
        }
        let manyBands = messages(replacing: "</scale>", with: bands.joined(separator: "\n") + "</scale>")
        XCTAssertTrue(manyBands.contains("demo.xml:68: error: scale 'total' has more than 50 bands (53)"), manyBands.description)
        XCTAssertTrue(
            manyBands.contains("demo.xml:68: error: Element 'band': This element is not expected."), manyBands.description)
    }

    func testAScoreConditionOfABatteryMustBeFinite() {
        let battery = BatteryTests.base.replacingOccurrences(
            of: "scale=\"total\" min=\"15\"", with: "scale=\"total\" min=\"1e400\"")
        XCTAssertThrowsError(try loader.load(Array(battery.utf8), file: "mini.xml")) { error in
            XCTAssertEqual(
                (error as? InputError)?.description,
                "mini.xml:11: error: Element 'score', attribute 'min': '1e400' is not a valid value of the atomic type 'ScoreBound'."
            )
        }
    }

    func testTheDecoderChecksNumbersEvenWhenTheSchemaCannot() throws {
        // The same file with a schema that bounds nothing: the decoder alone must stop every bad number.
        let directory = makeTemporaryDirectory()
        var schema = try String(contentsOfFile: Fixtures.schemaPath, encoding: .utf8)
        for type in ["OptionValue", "ItemCount", "Decimals", "Seconds", "Multiplier", "Offset", "ScoreBound"] {
            schema = schema.replacingOccurrences(of: "type=\"ps:\(type)\"", with: "type=\"xs:string\"")
        }
        try schema.write(toFile: directory + "/psyscreen.xsd", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Fixtures.instrumentsDirectory + "/xml.xsd", toPath: directory + "/xml.xsd")
        let lax = try InstrumentLoader(schemaPath: directory + "/psyscreen.xsd")
        for (name, expected) in [
            (
                "audit-option-value-overflow.xml",
                "19: error: option value of response set 'frequency' must be a whole number from -1000 to 1000"
            ),
            ("audit-multiply-nan.xml", "68: error: derived scale 'percent' multiply must be a decimal number"),
            ("audit-decimals-18.xml", "18: error: scale 'mean' decimals must be a whole number from 0 to 6"),
        ] {
            XCTAssertThrowsError(try lax.load(Self.auditFolder + "/" + name)) { error in
                XCTAssertTrue((error as? InputError)?.description.contains("\(name):\(expected)") == true, "\(error)")
            }
        }
    }
}
