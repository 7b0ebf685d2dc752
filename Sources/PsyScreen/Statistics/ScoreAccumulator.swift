/// Count, sum and sum of squares of scores: the form in which a school hands its statistics to the district.
///
/// Accumulators merge by adding their fields, so a district can combine school files without the raw scores and
/// still get the mean and SD it would have computed from them. Scale totals are integers; a `Double` holds their
/// sums exactly up to 2^53, so merging in any order gives the same bits, and ``variance`` computes
/// `n·Σx² − (Σx)²` in 128-bit integer arithmetic in that case, so the subtraction loses nothing (the textbook
/// formula in floating point cancels catastrophically when the mean is large against the SD).
package struct ScoreAccumulator: Hashable, Sendable, Codable {
    package private(set) var count: Int
    package private(set) var sum: Double
    package private(set) var sumOfSquares: Double

    package init() {
        count = 0
        sum = 0
        sumOfSquares = 0
    }

    /// Rebuilds an accumulator read from a merged file, refusing sums that no set of scores has (a damaged or
    /// hand-edited file would otherwise yield a plausible-looking district SD).
    package init(count: Int, sum: Double, sumOfSquares: Double) throws(MergedStatisticsError) {
        guard count >= 0 else { throw .negativeCount(count) }
        guard sum.isFinite, sumOfSquares.isFinite, sumOfSquares >= 0 else { throw .impossibleSums(count: count) }
        guard count > 0 || (sum == 0 && sumOfSquares == 0) else { throw .impossibleSums(count: count) }
        // Cauchy–Schwarz: (Σx)² ≤ n·Σx², with room for rounding in non-integer sums.
        guard sum * sum <= Double(count) * sumOfSquares * (1 + 1e-12) else { throw .impossibleSums(count: count) }
        self.count = count
        self.sum = sum
        self.sumOfSquares = sumOfSquares
    }

    package mutating func add(_ score: Double) {
        precondition(score.isFinite, "a score must be a finite number")
        count += 1
        sum += score
        sumOfSquares += score * score
    }

    package mutating func add(_ score: Int) { add(Double(score)) }

    /// Adds `times` equal scores at once (a histogram bar), sums already computed.
    mutating func add(times: Int, sum: Double, sumOfSquares: Double) {
        count += times
        self.sum += sum
        self.sumOfSquares += sumOfSquares
    }

    package mutating func merge(_ other: ScoreAccumulator) {
        count += other.count
        sum += other.sum
        sumOfSquares += other.sumOfSquares
    }

    package func merging(_ other: ScoreAccumulator) -> ScoreAccumulator {
        var merged = self
        merged.merge(other)
        return merged
    }

    /// Arithmetic mean; nil without scores.
    package var mean: Double? { count > 0 ? sum / Double(count) : nil }

    /// Sample variance (denominator n − 1); nil below two scores.
    package var variance: Double? {
        guard count >= 2 else { return nil }
        let n = Double(count)
        return Self.scaledSpread(count: count, sum: sum, sumOfSquares: sumOfSquares) / (n * (n - 1))
    }

    /// Sample standard deviation (denominator n − 1); nil below two scores.
    package var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    /// `n·Σx² − (Σx)²`, never negative.
    static func scaledSpread(count: Int, sum: Double, sumOfSquares: Double) -> Double {
        if let exact = exactIntegerSpread(count: count, sum: sum, sumOfSquares: sumOfSquares) { return exact }
        // Not integer sums (prorated scores): keep the rounding errors of both products (fma gives them exactly)
        // so that only the errors already in the sums remain.
        let n = Double(count)
        let square = sum * sum
        let squareError = (-square).addingProduct(sum, sum)
        let scaled = n * sumOfSquares
        let scaledError = (-scaled).addingProduct(n, sumOfSquares)
        return max(0, (scaled - square) + (scaledError - squareError))
    }

    private static func exactIntegerSpread(count: Int, sum: Double, sumOfSquares: Double) -> Double? {
        let limit = 9_007_199_254_740_992.0  // 2^53: beyond it a Double no longer holds every integer
        guard sum.rounded() == sum, sumOfSquares.rounded() == sumOfSquares,
            abs(sum) <= limit, sumOfSquares >= 0, sumOfSquares <= limit
        else { return nil }
        let scaled = count.multipliedFullWidth(by: Int(sumOfSquares))
        let square = Int(sum).multipliedFullWidth(by: Int(sum))
        // 128-bit subtraction: low words with borrow, then high words.
        let (low, borrow) = scaled.low.subtractingReportingOverflow(square.low)
        let high = scaled.high - square.high - (borrow ? 1 : 0)
        guard high >= 0 else { return 0 }  // only possible for sums that no data set produces
        return Double(high) * 18_446_744_073_709_551_616.0 + Double(low)
    }
}

extension ScoreAccumulator {
    private enum CodingKeys: String, CodingKey { case count, sum, sumOfSquares }

    /// Decoding goes through the same checks as ``init(count:sum:sumOfSquares:)``.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                count: container.decode(Int.self, forKey: .count),
                sum: container.decode(Double.self, forKey: .sum),
                sumOfSquares: container.decode(Double.self, forKey: .sumOfSquares))
        } catch let error as MergedStatisticsError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }
}
