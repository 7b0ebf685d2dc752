/// Cronbach's alpha of a scale: k/(k−1) · (1 − Σ var(item) / var(total)), with sample variances.
///
/// This is the "raw alpha" of R psych and pingouin's `cronbach_alpha` with `nan_policy="listwise"`: only
/// respondents who answered every item count. (Pingouin's default, pairwise covariances, mixes different
/// respondents in one coefficient and is not used here.)
package struct CronbachAlpha: Hashable, Sendable {
    package var alpha: Double
    /// Number of items k.
    package var itemCount: Int
    /// Respondents left after listwise deletion.
    package var completeRows: Int

    /// Computes alpha over `rows` (respondents) × items; `nil` or NaN is a missing answer.
    ///
    /// The item count is the longest row; a shorter row lacks answers and is deleted like any incomplete row.
    /// Returns nil for fewer than 2 items, fewer than 2 complete rows, or a total score without variance.
    package init?(rows: [[Double?]]) {
        let k = rows.map(\.count).max() ?? 0
        let complete: [[Double]] = rows.compactMap { row in
            guard row.count == k else { return nil }
            let values = row.compactMap { $0 }.filter { !$0.isNaN }
            return values.count == k ? values : nil
        }
        guard k >= 2, complete.count >= 2 else { return nil }

        let itemVariances = (0..<k).map { item in Self.sampleVariance(complete.map { $0[item] }) }
        let totalVariance = Self.sampleVariance(complete.map { $0.reduce(0, +) })
        guard totalVariance > 0 else { return nil }

        let kk = Double(k)
        alpha = kk / (kk - 1) * (1 - itemVariances.reduce(0, +) / totalVariance)
        itemCount = k
        completeRows = complete.count
    }

    /// Two-pass sample variance: exact enough for item data, whatever the mean.
    private static func sampleVariance(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return squares / Double(values.count - 1)
    }
}
