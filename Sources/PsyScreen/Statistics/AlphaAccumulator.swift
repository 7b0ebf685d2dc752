/// Sums from which Cronbach's alpha of one scale follows exactly: per item and for the total, the count, sum and
/// sum of squares over the complete cases (respondents who answered every item).
///
/// Alpha only needs the item variances and the variance of the total, and each variance follows exactly from
/// (n, Σx, Σx²). So classes add up to grades, schools and districts by adding sums, and a merged file gives the
/// alpha that the raw answers would have given — the same value as ``CronbachAlpha`` (listwise), to rounding.
package struct AlphaAccumulator: Hashable, Sendable, Codable {
    /// One per item, in the scale's item order.
    package private(set) var items: [ScoreAccumulator]
    /// The sum of the item values of each complete case.
    package private(set) var total: ScoreAccumulator

    package init(itemCount: Int) {
        items = Array(repeating: ScoreAccumulator(), count: itemCount)
        total = ScoreAccumulator()
    }

    /// Rebuilds accumulators read from a file; every item must have as many cases as the total.
    package init(items: [ScoreAccumulator], total: ScoreAccumulator) throws(MergedStatisticsError) {
        guard items.allSatisfy({ $0.count == total.count }) else { throw .impossibleSums(count: total.count) }
        self.items = items
        self.total = total
    }

    /// Number of complete cases.
    package var completeCases: Int { total.count }

    /// Adds one complete case: the item values as scored (reverse-keyed items already reversed).
    package mutating func add(_ values: some Collection<Int>) {
        precondition(values.count == items.count, "one value per item")
        var sum = 0
        for (index, value) in values.enumerated() {
            items[index].add(value)
            sum += value
        }
        total.add(sum)
    }

    package mutating func merge(_ other: AlphaAccumulator) {
        if other.completeCases == 0 { return }
        if completeCases == 0 && items.count != other.items.count {
            self = other
            return
        }
        precondition(items.count == other.items.count, "alpha sums of scales with different item counts")
        for index in items.indices { items[index].merge(other.items[index]) }
        total.merge(other.total)
    }

    /// Raw alpha, k/(k−1) · (1 − Σ var(item) / var(total)); nil for fewer than 2 items or 2 complete cases, or a
    /// total without variance.
    package var alpha: Double? {
        let k = items.count
        guard k >= 2, completeCases >= 2 else { return nil }
        // Every variance has the same denominator n(n − 1), so alpha is a ratio of the spreads n·Σx² − (Σx)²,
        // exact integers for integer answers: alpha = k·(S_total − Σ S_item) / ((k − 1)·S_total), rounded once
        // (items that always agree give exactly 1, not 1.0000000000000002).
        let totalSpread = ScoreAccumulator.scaledSpread(count: total.count, sum: total.sum, sumOfSquares: total.sumOfSquares)
        guard totalSpread > 0 else { return nil }
        let itemSpread = items.reduce(0.0) {
            $0 + ScoreAccumulator.scaledSpread(count: $1.count, sum: $1.sum, sumOfSquares: $1.sumOfSquares)
        }
        let kk = Double(k)
        return kk * (totalSpread - itemSpread) / ((kk - 1) * totalSpread)
    }
}

extension AlphaAccumulator {
    private enum CodingKeys: String, CodingKey { case items, total }

    /// Decoding checks the counts like ``init(items:total:)``.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                items: container.decode([ScoreAccumulator].self, forKey: .items),
                total: container.decode(ScoreAccumulator.self, forKey: .total))
        } catch let error as MergedStatisticsError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }
}
