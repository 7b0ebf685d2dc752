import PsyScreen
import PsyScreenTestSupport
import XCTest

/// What the XSD cannot check, each with its exact message and line. The base document is valid; each test edits
/// one thing. Line numbers refer to `base` below.
final class SemanticErrorTests: XCTestCase {
    let loader = try! InstrumentLoader(schemaPath: Fixtures.schemaPath)

    static let base = """
        <?xml version="1.0" encoding="UTF-8"?>
        <instrument xmlns="urn:psyscreen:instrument:1" id="demo" version="1">
          <title xml:lang="en">Demo</title>
          <title xml:lang="zh-Hans">示例</title>
          <instructions xml:lang="en">Answer.</instructions>
          <instructions xml:lang="zh-Hans">请回答。</instructions>
          <copyright>Public domain.</copyright>
          <citation>Nobody 2026.</citation>
          <responses id="yn">
            <option value="0"><label xml:lang="en">No</label><label xml:lang="zh-Hans">否</label></option>
            <option value="1"><label xml:lang="en">Yes</label><label xml:lang="zh-Hans">是</label></option>
          </responses>
          <item id="1" responses="yn"><text xml:lang="en">One</text><text xml:lang="zh-Hans">一</text></item>
          <item id="2" responses="yn"><text xml:lang="en">Two</text><text xml:lang="zh-Hans">二</text></item>
          <item id="3" responses="yn" reverse="true"><text xml:lang="en">Three</text><text xml:lang="zh-Hans">三</text></item>
          <scale id="total" method="sum" items="1 2 3">
            <label xml:lang="en">Total</label><label xml:lang="zh-Hans">总分</label>
            <band id="low" min="0" max="1"><label xml:lang="en">Low</label><label xml:lang="zh-Hans">低</label></band>
            <band id="high" min="2" max="3"><label xml:lang="en">High</label><label xml:lang="zh-Hans">高</label></band>
          </scale>
          <flag id="yes3" kind="attention" items="3" min="1"><label xml:lang="en">Yes</label><label xml:lang="zh-Hans">是</label></flag>
        </instrument>
        """

    func messages(replacing old: String, with new: String) -> [String] {
        XCTAssertTrue(Self.base.contains(old), "the edit must apply")
        let xml = Self.base.replacingOccurrences(of: old, with: new)
        do {
            _ = try loader.load(Array(xml.utf8), file: "demo.xml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func testTheBaseIsValid() throws {
        guard case .instrument(let instrument) = try loader.load(Array(Self.base.utf8), file: "demo.xml") else {
            return XCTFail("an instrument")
        }
        XCTAssertEqual(instrument.scales.first?.range, 0...3)
        XCTAssertEqual(try ScoringEngine(instrument).score([1, 1, 0]).scale("total")?.score, 3)
    }

    func testDuplicateItemID() {
        XCTAssertEqual(
            messages(replacing: "<item id=\"2\"", with: "<item id=\"1\""),
            [
                "demo.xml:14: error: duplicate item id '1' (first defined on line 13)",
                "demo.xml:16: error: scale 'total' names unknown item '2'",
            ])
    }

    func testScaleNamingAnUnknownItem() {
        XCTAssertEqual(
            messages(replacing: "items=\"1 2 3\"", with: "items=\"1 2 4\""),
            ["demo.xml:16: error: scale 'total' names unknown item '4'"])
    }

    func testBandsWithAGap() {
        XCTAssertEqual(
            messages(replacing: "id=\"high\" min=\"2\"", with: "id=\"high\" min=\"3\""),
            ["demo.xml:19: error: bands of scale 'total' leave a gap: no band covers 2–2"])
    }

    func testAGapOnAMeanScaleIsGivenOnItsGrid() {
        // 0.4 + 0.01 is 0.41000000000000003 in floating point: the message says 0.41.
        let mean = """
              <scale id="total" method="mean" items="1 2 3" decimals="2">
                <label xml:lang="en">Total</label><label xml:lang="zh-Hans">总分</label>
                <band id="low" min="0" max="0.4"><label xml:lang="en">Low</label><label xml:lang="zh-Hans">低</label></band>
                <band id="high" min="0.45" max="1"><label xml:lang="en">High</label><label xml:lang="zh-Hans">高</label></band>
              </scale>
            """
        let start = Self.base.range(of: "  <scale")!.lowerBound, end = Self.base.range(of: "</scale>\n")!.upperBound
        XCTAssertEqual(
            messages(replacing: String(Self.base[start..<end]), with: mean + "\n"),
            ["demo.xml:19: error: bands of scale 'total' leave a gap: no band covers 0.41–0.44"])
    }

    func testBandsThatOverlap() {
        XCTAssertEqual(
            messages(replacing: "id=\"high\" min=\"2\"", with: "id=\"high\" min=\"1\""),
            ["demo.xml:19: error: bands 'low' and 'high' of scale 'total' overlap (1–1 is in both)"])
    }

    func testABandOutsideTheScale() {
        XCTAssertEqual(
            messages(replacing: "min=\"2\" max=\"3\"", with: "min=\"2\" max=\"4\""),
            ["demo.xml:19: error: band 'high' (2–4) lies outside the range of scale 'total' (0–3)"])
    }

    func testBandsNotReachingTheTop() {
        XCTAssertEqual(
            messages(replacing: "min=\"2\" max=\"3\"", with: "min=\"2\" max=\"2\""),
            ["demo.xml:19: error: bands of scale 'total' leave a gap: no band covers 3–3"])
    }

    func testAFlagOnAnUnknownItem() {
        XCTAssertEqual(
            messages(replacing: "items=\"3\" min=\"1\"", with: "items=\"9\" min=\"1\""),
            ["demo.xml:21: error: flag 'yes3' names unknown item '9'"])
    }

    func testAMissingTranslationThatOthersHave() {
        XCTAssertEqual(
            messages(
                replacing: "<text xml:lang=\"en\">Two</text><text xml:lang=\"zh-Hans\">二</text>",
                with: "<text xml:lang=\"en\">Two</text>"),
            ["demo.xml:14: error: item '2' text has no 'zh-Hans' translation (other texts of this file have one)"])
    }

    func testAnItemWithAnUnknownResponseSet() {
        XCTAssertEqual(
            messages(replacing: "<item id=\"2\" responses=\"yn\"", with: "<item id=\"2\" responses=\"likert\""),
            ["demo.xml:14: error: item '2' uses unknown response set 'likert'"])
    }

    func testMissingItemsWithoutProrating() {
        XCTAssertEqual(
            messages(replacing: "items=\"1 2 3\"", with: "items=\"1 2 3\" min-answered=\"2\""),
            [
                "demo.xml:16: error: scale 'total' allows missing items (min-answered 2 of 3) but does not prorate: a plain sum of fewer items is not comparable"
            ])
    }

    func testStraightLiningNeedsReverseItems() {
        XCTAssertEqual(
            messages(
                replacing: "</instrument>",
                with: "  <validity><straight-lining scale=\"total\"/></validity>\n</instrument>"),
            [])
        XCTAssertEqual(
            messages(
                replacing: "reverse=\"true\"><text xml:lang=\"en\">Three</text><text xml:lang=\"zh-Hans\">三</text></item>",
                with: "><text xml:lang=\"en\">Three</text><text xml:lang=\"zh-Hans\">三</text></item>"
            ).count, 0)
    }

    func testSchemaViolationAndSemanticErrorsAreReportedTogether() {
        let result = messages(
            replacing: "<item id=\"2\" responses=\"yn\">",
            with: "<item id=\"1\" responses=\"yn\" colour=\"red\">")
        XCTAssertEqual(
            result,
            [
                "demo.xml:14: error: Element 'item', attribute 'colour': The attribute 'colour' is not allowed.",
                "demo.xml:14: error: duplicate item id '1' (first defined on line 13)",
                "demo.xml:16: error: scale 'total' names unknown item '2'",
            ])
    }

    func testAllErrorsOfAFileAreReported() {
        let xml = Self.base
            .replacingOccurrences(of: "<title xml:lang=\"zh-Hans\">示例</title>\n", with: "")
            .replacingOccurrences(of: "items=\"3\" min=\"1\"", with: "items=\"7\" min=\"1\"")
            .replacingOccurrences(of: "id=\"high\" min=\"2\"", with: "id=\"high\" min=\"3\"")
        XCTAssertThrowsError(try loader.load(Array(xml.utf8), file: "demo.xml")) { error in
            XCTAssertEqual(
                (error as? InputError)?.diagnostics.map(\.description),
                [
                    "demo.xml:3: error: title has no 'zh-Hans' translation (other texts of this file have one)",
                    "demo.xml:18: error: bands of scale 'total' leave a gap: no band covers 2–2",
                    "demo.xml:20: error: flag 'yes3' names unknown item '7'",
                ])
        }
    }

    func testAWrongRootElement() {
        let xml = "<?xml version=\"1.0\"?>\n<questionnaire xmlns=\"urn:psyscreen:instrument:1\"/>\n"
        XCTAssertThrowsError(try loader.load(Array(xml.utf8), file: "q.xml")) { error in
            XCTAssertEqual(
                (error as? InputError)?.description,
                "q.xml:2: error: Element 'questionnaire': No matching global declaration available for the validation root.")
        }
    }
}
