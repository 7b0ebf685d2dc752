/// A severity band of a scale: an inclusive score range with an id (`moderate`) and a label.
package struct Band: Hashable, Sendable, Identifiable {
    package var id: String
    package var label: LocalizedText
    package var minimum: Double
    package var maximum: Double

    package init(id: String, label: LocalizedText, minimum: Double, maximum: Double) {
        self.id = id
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether `score` (already rounded to the scale's decimals) falls in this band.
    package func contains(_ score: Double) -> Bool {
        score >= minimum - Band.tolerance && score <= maximum + Band.tolerance
    }

    static let tolerance = 1e-9
}
