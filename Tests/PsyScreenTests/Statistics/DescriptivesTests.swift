import Foundation
import PsyScreen
import XCTest

/// Expected values from numpy 2.4:
///
///     import numpy as np
///     A = np.array([3, 7, 12, 0, 5, 9, 21, 14, 6, 8, 2]); B = np.array([10, 4, 4, 17, 26, 1, 0, 11])
///     for x in (A, B, np.concatenate([A, B])): print(len(x), x.mean(), x.std(ddof=1), np.median(x))
///     L = 20_000_000 + np.arange(1, 6); print(L.std(ddof=1))
///     F = np.array([2.5, 7.25, 3.0, 11.125, 4.75]); print(F.mean(), F.std(ddof=1), np.median(F))
final class DescriptivesTests: XCTestCase {
    let schoolA = [3, 7, 12, 0, 5, 9, 21, 14, 6, 8, 2]
    let schoolB = [10, 4, 4, 17, 26, 1, 0, 11]

    func testRawScoresMatchNumpy() throws {
        let a = Descriptives(scores: schoolA)
        XCTAssertEqual(a.count, 11)
        XCTAssertEqual(try XCTUnwrap(a.mean), 7.909090909090909, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(a.standardDeviation), 6.007570980929738, accuracy: 1e-12)
        XCTAssertEqual(a.median, 7.0)

        let b = Descriptives(scores: schoolB)
        XCTAssertEqual(b.count, 8)
        XCTAssertEqual(b.mean, 9.125)
        XCTAssertEqual(try XCTUnwrap(b.standardDeviation), 8.88718981777383, accuracy: 1e-12)
        XCTAssertEqual(b.median, 7.0, "even count: average of 4 and 10")
    }

    func testNonIntegerScores() throws {
        let d = Descriptives(scores: [2.5, 7.25, 3.0, 11.125, 4.75])
        XCTAssertEqual(try XCTUnwrap(d.mean), 5.725, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(d.standardDeviation), 3.544802533287292, accuracy: 1e-12)
        XCTAssertEqual(d.median, 4.75)
    }

    func testMergedAccumulatorsEqualTheJointComputationBitForBit() throws {
        var a = ScoreAccumulator(), b = ScoreAccumulator()
        schoolA.forEach { a.add($0) }
        schoolB.forEach { b.add($0) }
        let merged = a.merging(b)
        let joint = Descriptives(scores: schoolA + schoolB)

        XCTAssertEqual(merged.count, 19)
        XCTAssertEqual(merged.sum, 160)
        XCTAssertEqual(merged.sumOfSquares, Double((schoolA + schoolB).map { $0 * $0 }.reduce(0, +)))
        XCTAssertEqual(merged.mean, joint.mean)
        XCTAssertEqual(merged.standardDeviation, joint.standardDeviation)
        XCTAssertEqual(try XCTUnwrap(joint.mean), 8.421052631578947, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(merged.standardDeviation), 7.1516570688484045, accuracy: 1e-12)

        // What a district reads back from the schools' files.
        let reread = try ScoreAccumulator(count: a.count, sum: a.sum, sumOfSquares: a.sumOfSquares)
            .merging(try ScoreAccumulator(count: b.count, sum: b.sum, sumOfSquares: b.sumOfSquares))
        XCTAssertEqual(reread, merged)
    }

    func testSpreadFromSumsDoesNotCancelForLargeMeans() throws {
        // n·Σx² exceeds 2^53 here: the textbook formula in Double gives 1.612…, numpy's two-pass 1.581….
        var accumulator = ScoreAccumulator()
        (1...5).forEach { accumulator.add(20_000_000 + $0) }
        XCTAssertEqual(accumulator.standardDeviation, 1.5811388300841898)
    }

    func testHistogramGivesTheSameFiguresAsRawScores() throws {
        var histogram = ScoreHistogram(scores: schoolA)
        histogram.merge(ScoreHistogram(scores: schoolB))
        let fromHistogram = Descriptives(histogram: histogram)
        let fromRaw = Descriptives(scores: schoolA + schoolB)
        XCTAssertEqual(fromHistogram, fromRaw)
        XCTAssertEqual(fromHistogram.median, 7.0)
        XCTAssertEqual(histogram.count, 19)
    }

    func testHistogramMedianAveragesTheTwoMiddleScores() throws {
        XCTAssertEqual(try ScoreHistogram(counts: [3: 2, 8: 2]).median, 5.5)
        XCTAssertEqual(try ScoreHistogram(counts: [3: 2, 8: 3]).median, 8)
        XCTAssertEqual(try ScoreHistogram(counts: [1: 1, 4: 1, 9: 0]).median, 2.5)
        XCTAssertEqual(try ScoreHistogram(counts: [0: 5]).median, 0)
        XCTAssertNil(ScoreHistogram().median)
    }

    func testEmptyAndSingleScore() {
        let empty = Descriptives(scores: [Int]())
        XCTAssertEqual(empty.count, 0)
        XCTAssertNil(empty.mean)
        XCTAssertNil(empty.standardDeviation)
        XCTAssertNil(empty.median)

        let one = Descriptives(scores: [4])
        XCTAssertEqual(one.mean, 4)
        XCTAssertNil(one.standardDeviation, "a sample SD needs two scores")
        XCTAssertEqual(one.median, 4)

        XCTAssertEqual(Descriptives(scores: [5, 5, 5]).standardDeviation, 0)
    }

    func testImpossibleMergedFiguresAreRefused() {
        XCTAssertThrowsError(try ScoreAccumulator(count: -1, sum: 0, sumOfSquares: 0)) {
            XCTAssertEqual("\($0)", "a count of scores is negative (-1)")
        }
        // Three scores adding up to 30 have Σx² ≥ 300.
        XCTAssertThrowsError(try ScoreAccumulator(count: 3, sum: 30, sumOfSquares: 299)) {
            XCTAssertEqual("\($0)", "the sum and sum of squares of 3 scores are not those of any set of scores")
        }
        XCTAssertNoThrow(try ScoreAccumulator(count: 3, sum: 30, sumOfSquares: 300))
        XCTAssertThrowsError(try ScoreAccumulator(count: 0, sum: 4, sumOfSquares: 16))
        XCTAssertThrowsError(try ScoreAccumulator(count: 2, sum: .nan, sumOfSquares: 1))
        XCTAssertThrowsError(try ScoreHistogram(counts: [3: 2, 5: -1]))
    }

    func testAccumulatorAndHistogramRoundTripThroughJSONWithChecks() throws {
        var accumulator = ScoreAccumulator()
        schoolA.forEach { accumulator.add($0) }
        let histogram = ScoreHistogram(scores: schoolA)
        let decoder = JSONDecoder()
        XCTAssertEqual(try decoder.decode(ScoreAccumulator.self, from: JSONEncoder().encode(accumulator)), accumulator)
        XCTAssertEqual(try decoder.decode(ScoreHistogram.self, from: JSONEncoder().encode(histogram)), histogram)
        let forged = Data(#"{"count": 3, "sum": 30, "sumOfSquares": 10}"#.utf8)
        XCTAssertThrowsError(try decoder.decode(ScoreAccumulator.self, from: forged))
    }
}
