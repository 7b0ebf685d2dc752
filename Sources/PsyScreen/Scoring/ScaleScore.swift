/// The score of one scale on one form.
package struct ScaleScore: Hashable, Sendable {
    package var scaleID: String
    /// Rounded to the scale's decimals; nil when unscored.
    package var score: Double?
    /// Items of the scale that were answered (for a derived scale: those of the scale it is based on).
    package var answered: Int
    package var itemCount: Int
    package var status: ScoringStatus
    /// The band the score falls in, when the scale has bands and a score.
    package var bandID: String?

    package init(scaleID: String, score: Double?, answered: Int, itemCount: Int, status: ScoringStatus, bandID: String?) {
        self.scaleID = scaleID
        self.score = score
        self.answered = answered
        self.itemCount = itemCount
        self.status = status
        self.bandID = bandID
    }

    package var isProrated: Bool { status == .prorated }
}
