/// n, mean, sample SD and median of one group's scores.
///
/// Mean and SD always come from a ``ScoreAccumulator``, whether the scores are raw, in a histogram or merged
/// from several files, so a district figure is the same number however it was assembled. Whether a group is
/// large enough to publish these is the report's decision (disclosure control), not this type's.
package struct Descriptives: Hashable, Sendable {
    package var count: Int
    package var mean: Double?
    /// Sample standard deviation (n − 1); nil below two scores.
    package var standardDeviation: Double?
    /// Average of the two middle values for an even count; nil when unknown (accumulators carry no median).
    package var median: Double?

    package init(count: Int, mean: Double?, standardDeviation: Double?, median: Double?) {
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.median = median
    }

    /// From raw scores, which must be finite.
    package init<S: Sequence<Double>>(scores: S) {
        var accumulator = ScoreAccumulator()
        var sorted: [Double] = []
        for score in scores {
            accumulator.add(score)
            sorted.append(score)
        }
        sorted.sort()
        self.init(accumulator: accumulator)
        median = Self.median(ofSorted: sorted)
    }

    package init<S: Sequence<Int>>(scores: S) {
        self.init(scores: scores.lazy.map(Double.init))
    }

    package init(histogram: ScoreHistogram) {
        self.init(accumulator: histogram.accumulator)
        median = histogram.median
    }

    /// Without the raw scores, the median is unknown.
    package init(accumulator: ScoreAccumulator) {
        self.init(
            count: accumulator.count, mean: accumulator.mean,
            standardDeviation: accumulator.standardDeviation, median: nil)
    }

    static func median(ofSorted values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let upper = values.count / 2
        if values.count % 2 == 1 { return values[upper] }
        return (values[upper - 1] + values[upper]) / 2
    }
}
