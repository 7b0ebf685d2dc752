import PsyScreen
import XCTest

final class DisclosureFormatTests: XCTestCase {
    let k = MinimumCellSize.standard

    func testWholePercentsRoundedHalfUp() {
        XCTAssertEqual(DisclosureFormat.percent(1, of: 80, threshold: k), "<5%", "1.25 %")
        XCTAssertEqual(DisclosureFormat.percent(1, of: 20, threshold: k), "5%")
        XCTAssertEqual(DisclosureFormat.percent(1, of: 8, threshold: try! MinimumCellSize(5)), "13%", "12.5 % up")
        XCTAssertEqual(DisclosureFormat.percent(10, of: 30, threshold: k), "33%")
        XCTAssertEqual(DisclosureFormat.percent(20, of: 30, threshold: k), "67%")
        XCTAssertEqual(DisclosureFormat.percent(19, of: 20, threshold: k), "95%")
    }

    func testEndsAreNeverExact() {
        XCTAssertEqual(DisclosureFormat.percent(0, of: 40, threshold: k), "<5%")
        XCTAssertEqual(DisclosureFormat.percent(99, of: 2000, threshold: k), "<5%", "4.95 % would round to 5")
        XCTAssertEqual(DisclosureFormat.percent(1901, of: 2000, threshold: k), ">95%", "95.05 %")
        XCTAssertEqual(DisclosureFormat.percent(40, of: 40, threshold: k), ">95%")
    }

    func testHiddenCountsAndSmallDenominatorsGetTheMarker() {
        XCTAssertEqual(DisclosureFormat.hiddenMarker, "—")
        XCTAssertEqual(DisclosureFormat.percent(nil, of: 40, threshold: k), "—")
        XCTAssertEqual(DisclosureFormat.percent(12, of: nil, threshold: k), "—")
        XCTAssertEqual(DisclosureFormat.percent(5, of: 9, threshold: k), "—", "denominator below k")
        XCTAssertEqual(DisclosureFormat.percent(5, of: 10, threshold: k), "50%")
        XCTAssertEqual(DisclosureFormat.count(nil), "—")
        XCTAssertEqual(DisclosureFormat.count(0), "0")
        XCTAssertEqual(DisclosureFormat.count(27), "27")
    }
}
