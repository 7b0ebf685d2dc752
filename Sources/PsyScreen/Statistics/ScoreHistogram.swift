/// How many respondents had each integer score: the form merged files may carry instead of raw scores.
///
/// A histogram gives the exact median of the merged population, which sums of scores cannot.
package struct ScoreHistogram: Hashable, Sendable, Codable {
    /// Respondents per score value; values with no respondent may be absent.
    package private(set) var counts: [Int: Int]

    package init() { counts = [:] }

    /// Rebuilds a histogram read from a file, refusing negative counts.
    package init(counts: [Int: Int]) throws(MergedStatisticsError) {
        if let negative = counts.values.first(where: { $0 < 0 }) { throw .negativeCount(negative) }
        self.counts = counts.filter { $0.value > 0 }
    }

    package init<S: Sequence<Int>>(scores: S) {
        self.init()
        for score in scores { add(score) }
    }

    package mutating func add(_ score: Int, times: Int = 1) {
        precondition(times >= 0, "a histogram count cannot be negative")
        guard times > 0 else { return }
        counts[score, default: 0] += times
    }

    package mutating func merge(_ other: ScoreHistogram) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    /// Number of respondents.
    package var count: Int { counts.values.reduce(0, +) }

    /// Median; for an even count the average of the two middle scores. Nil when empty.
    package var median: Double? {
        let n = count
        guard n > 0 else { return nil }
        // 0-based ranks of the middle score(s) in the sorted data.
        let lowerRank = (n - 1) / 2
        let upperRank = n / 2
        var lower: Int?
        var seen = 0
        for score in counts.keys.sorted() {
            seen += counts[score]!
            if lower == nil, seen > lowerRank { lower = score }
            if seen > upperRank { return (Double(lower!) + Double(score)) / 2 }
        }
        preconditionFailure("ranks lie inside the histogram")
    }

    /// Count, sum and sum of squares, exact as from the raw scores.
    package var accumulator: ScoreAccumulator {
        var result = ScoreAccumulator()
        for (score, times) in counts {
            var part = ScoreAccumulator()
            // In Double: exact while the products stay below 2^53, and never a trap (a counted score of 10^9
            // squared is 10^18, times a few students past Int.max).
            let value = Double(score), count = Double(times)
            part.add(times: times, sum: value * count, sumOfSquares: value * value * count)
            result.merge(part)
        }
        return result
    }
}

extension ScoreHistogram {
    private enum CodingKeys: String, CodingKey { case counts }

    /// Decoding refuses negative counts like ``init(counts:)``.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(counts: container.decode([Int: Int].self, forKey: .counts))
        } catch let error as MergedStatisticsError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }
}
