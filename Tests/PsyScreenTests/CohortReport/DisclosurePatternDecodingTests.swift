import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// A closed wave's stored pattern, read ahead (the JSON decoded before the columns are known) and then finished
/// for the columns, is the pattern that was stored.
final class DisclosurePatternDecodingTests: XCTestCase {
    func testReadAheadGivesThePatternStored() throws {
        let battery = try XCTUnwrap(Fixtures.catalog.battery("annual"))
        let tables = try TwoSchoolWave().tables(battery: battery)
        let pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: battery.policy)
        XCTAssertFalse(pattern.hidden.isEmpty, "the wave hides some counts, so the test reads some back")
        let data = pattern.encoded(columns: tables.columns)
        let readAhead = DisclosurePattern.Decoding(data)
        XCTAssertEqual(readAhead.pattern(columns: tables.columns), pattern)
        XCTAssertEqual(DisclosurePattern.decode(data, columns: tables.columns), pattern)
    }

    func testOtherColumnsOrDamagedTextGiveNone() throws {
        let battery = try XCTUnwrap(Fixtures.catalog.battery("annual"))
        let tables = try TwoSchoolWave().tables(battery: battery)
        let pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: battery.policy)
        let data = pattern.encoded(columns: tables.columns)
        XCTAssertNil(DisclosurePattern.Decoding(data).pattern(columns: Array(tables.columns.dropLast())))
        XCTAssertNil(DisclosurePattern.Decoding(data.dropLast(3)).pattern(columns: tables.columns))
        XCTAssertNil(DisclosurePattern.Decoding(Data("{}".utf8)).pattern(columns: tables.columns))
    }
}
