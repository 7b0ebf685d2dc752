/// The counts and sums of one scale in one unit, over the unit's cohort (screened enrolled students).
package struct ScaleCounts: Hashable, Sendable {
    /// Per band of the column, in its order.
    package var bands: [Int]
    /// Scored but in no band (a score outside every band, or a band the key no longer has).
    package var unbanded: Int
    /// Scores as integers `score × 10^decimals`: gives exact sums and the median of any merge.
    package var scores: ScoreHistogram
    package var alpha: AlphaAccumulator

    package init(bandCount: Int, itemCount: Int) {
        bands = Array(repeating: 0, count: bandCount)
        unbanded = 0
        scores = ScoreHistogram()
        alpha = AlphaAccumulator(itemCount: itemCount)
    }

    package init(bands: [Int], unbanded: Int, scores: ScoreHistogram, alpha: AlphaAccumulator) {
        self.bands = bands
        self.unbanded = unbanded
        self.scores = scores
        self.alpha = alpha
    }

    /// Students with a score.
    package var n: Int { bands.reduce(unbanded, +) }

    package mutating func merge(_ other: ScaleCounts) {
        for index in bands.indices { bands[index] += other.bands[index] }
        unbanded += other.unbanded
        scores.merge(other.scores)
        alpha.merge(other.alpha)
    }
}
