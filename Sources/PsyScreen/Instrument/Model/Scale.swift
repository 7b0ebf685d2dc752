/// A score computed from items (`sum` or `mean`), or a linear transform of another scale (WHO-5 percentage).
package struct Scale: Hashable, Sendable, Identifiable {
    package enum Method: String, Hashable, Sendable {
        case sum
        case mean
    }

    package enum Definition: Hashable, Sendable {
        /// From items. `minimumAnswered` items must be answered; a sum with missing items is prorated
        /// (mean of the answered items × number of items, rounded half up) when `prorate` is set.
        case items(method: Method, itemIDs: [String], minimumAnswered: Int, prorate: Bool)
        /// `multiply × score(of) + add`.
        case derived(of: String, multiply: Double, add: Double)
    }

    package var id: String
    package var label: LocalizedText
    package var definition: Definition
    /// Decimals a score keeps (rounded half up): 0 for sums.
    package var decimals: Int
    /// Lowest and highest possible score.
    package var range: ClosedRange<Double>
    /// Spacing of possible scores: 1 for sums, 4 for WHO-5 percent, 0.01 for a mean with two decimals.
    package var step: Double
    /// Sorted by `minimum`; empty when the scale has no bands.
    package var bands: [Band]

    package init(
        id: String, label: LocalizedText, definition: Definition, decimals: Int, range: ClosedRange<Double>,
        step: Double, bands: [Band]
    ) {
        self.id = id
        self.label = label
        self.definition = definition
        self.decimals = decimals
        self.range = range
        self.step = step
        self.bands = bands
    }

    /// The band a score falls in.
    package func band(for score: Double) -> Band? { bands.first { $0.contains(score) } }
}
