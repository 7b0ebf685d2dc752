import Foundation
@testable import PsyScreen
import PsyScreenTestSupport
import XCTest

/// A mean scale with 6 decimals is counted sparsely (its distinct scores), not on a grid of range × 10^6 points per
/// unit: 2,800 students took 3.2 GB before. Its statistics stay exact; `bench/report_decimals.sh` measures memory.
final class ManyDecimalsTests: XCTestCase {
    private func meanColumn() -> CohortColumn {
        var column = CohortColumn.columns(of: [Fixtures.instrument("phq9")])[0]
        column.decimals = 6
        column.scaledRange = 0...3_000_000  // a mean of 0–3 items, as counted
        column.bands = [CohortColumn.BandInfo(id: "all", label: ["en": "all"], scaledRange: 0...3_000_000)]
        column.itemPositions = []
        column.reversal = []
        return column
    }

    func testALargeGridIsCountedSparselyAndASmallOneDensely() {
        let phq9 = CohortColumn.columns(of: [Fixtures.instrument("phq9")])[0]
        let counts = DenseCounts(columns: [phq9, meanColumn()])
        XCTAssertEqual(counts.histograms[0].count, 28)  // 0…27
        XCTAssertEqual(counts.histograms[1].count, 0)
    }

    func testStatisticsOfAMeanScaleWithSixDecimalsAreExact() throws {
        let column = meanColumn()
        var aggregator = CohortAggregator(columns: [column])
        var entry = CohortEntry(columns: [column])
        var scores: [Int] = []
        for index in 0..<2_800 {
            entry.clearResults()
            entry.school = "S"
            entry.grade = "G\(index % 4)"
            entry.className = "C\(index % 40)"
            entry.gender = index % 2 == 0 ? "F" : "M"
            entry.status = .enrolled
            entry.state = .screened
            let score = (index * 1_071) % 3_000_001  // 1.071, 2.142, …: 2,800 distinct means
            scores.append(score)
            entry.scores[0] = score
            entry.bands[0] = 0
            aggregator.add(entry)
        }
        let whole = try XCTUnwrap(aggregator.tables().units[.all]).scales[0]
        XCTAssertEqual(whole.scores.counts.count, Set(scores).count)
        XCTAssertEqual(whole.scores.count, 2_800)
        XCTAssertEqual(whole.scores.accumulator.sum, Double(scores.reduce(0, +)))
        let sorted = scores.sorted()
        XCTAssertEqual(whole.scores.median, Double(sorted[1_399] + sorted[1_400]) / 2)
    }
}
