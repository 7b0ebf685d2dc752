/// A severity band of a scale: an inclusive score range with an id (`moderate`) and a label.
public struct Band: Hashable, Sendable, Identifiable {
    public var id: String
    public var label: LocalizedText
    public var minimum: Double
    public var maximum: Double

    public init(id: String, label: LocalizedText, minimum: Double, maximum: Double) {
        self.id = id
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether `score` (already rounded to the scale's decimals) falls in this band.
    public func contains(_ score: Double) -> Bool {
        score >= minimum - Band.tolerance && score <= maximum + Band.tolerance
    }

    static let tolerance = 1e-9
}
