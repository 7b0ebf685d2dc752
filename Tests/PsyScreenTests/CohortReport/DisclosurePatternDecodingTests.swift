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

    /// A damaged file's pattern: a unit stored twice is no pattern; a unit the wave does not have stops the report
    /// with what is wrong.
    func testAPatternWithAUnitTwiceOrAUnitTheWaveLacksIsRefused() throws {
        let battery = try XCTUnwrap(Fixtures.catalog.battery("annual"))
        let tables = try TwoSchoolWave().tables(battery: battery)
        var pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: battery.policy)
        let text = String(decoding: pattern.encoded(columns: tables.columns), as: UTF8.self)
        let first = #"{"className":"","grade":"","groupValue":"","level":"all","school":""}"#
        XCTAssertTrue(text.contains(first))
        let twice = text.replacingOccurrences(of: first, with: first + "," + first)
        XCTAssertNil(DisclosurePattern.Decoding(Data(twice.utf8)).pattern(columns: tables.columns))
        let nowhere = CohortUnit(level: .school, school: "无此学校")
        pattern.units.append(nowhere)
        let stamp = ReportStamp(wave: "w", batteries: [battery], threshold: .standard, at: Date())
        XCTAssertThrowsError(try CohortReportBuilder().build(tables, stamp: stamp, pattern: pattern)) { error in
            XCTAssertEqual(error as? CohortReportError, .patternDoesNotFit(nowhere))
            XCTAssertEqual(
                "\(error)",
                "the pattern stored when the wave was closed has a unit the wave does not have (无此学校); the database is damaged: open the wave and close it again"
            )
        }
    }
}
