import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Exchange files that crashed `psyscreen merge` with an arithmetic overflow (Fuzz/corpus/exchange/crash-*: the
/// committed school.json — the samples' wave, closed and exported, format version 2 — with one number changed or
/// added): each is refused with a message.
final class HostileExchangeTests: XCTestCase {
    static let folder = Fixtures.repositoryRoot + "/Fuzz/corpus/exchange"

    func error(decoding name: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name))
        do {
            _ = try CohortExchange.decode(data, file: name)
            return ""
        } catch {
            return error.description
        }
    }

    func testTheSeedIsAValidFile() throws {
        XCTAssertEqual(try error(decoding: "school.json"), "")
    }

    func testEveryCountIsBounded() throws {
        let rule = "a count must be a whole number from 0 to 1000000000"
        XCTAssertEqual(
            try error(decoding: "crash-count-past-int.json"), "crash-count-past-int.json: error: unit 城南职业技术学校: \(rule)")
        XCTAssertEqual(
            try error(decoding: "crash-counts-overflow-their-sum.json"),
            "crash-counts-overflow-their-sum.json: error: unit 城南职业技术学校: \(rule)")
        XCTAssertEqual(
            try error(decoding: "crash-histogram-counts-overflow.json"),
            "crash-histogram-counts-overflow.json: error: unit 城南职业技术学校, phq9.total: \(rule)")
    }

    func testAScaleKeepsAtMostSixDecimals() throws {
        XCTAssertEqual(
            try error(decoding: "crash-decimals-30.json"),
            "crash-decimals-30.json: error: scale phq9.total: 30 decimals (at most 6)")
    }

    func testAHistogramScoreOutsideTheScaleIsRefused() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/school.json"))
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        var units = try XCTUnwrap(json["units"] as? [[String: Any]])
        var scales = try XCTUnwrap(units[0]["scales"] as? [[String: Any]])
        scales[0]["histogram"] = ["99": 1]
        units[0]["scales"] = scales
        json["units"] = units
        let edited = try JSONSerialization.data(withJSONObject: json)
        XCTAssertThrowsError(try CohortExchange.decode(edited, file: "x.json")) { error in
            XCTAssertEqual(
                "\(error)", "x.json: error: unit 城南职业技术学校, phq9.total: histogram key 99 lies outside the scale's range 0...27")
        }
    }

    func testLargeCountedScoresGiveSumsNotATrap() {
        // The largest counted score an instrument may have (10^9), squared and times ten, is past Int.max.
        var histogram = ScoreHistogram()
        histogram.add(1_000_000_000, times: 10)
        XCTAssertEqual(histogram.accumulator.sumOfSquares, 1e19)
        XCTAssertEqual(histogram.accumulator.sum, 1e10)
        XCTAssertEqual(histogram.accumulator.count, 10)
    }
}
