/// Whether a form could be scored as it stands.
package enum ScoringStatus: String, Hashable, Sendable, Codable, Comparable {
    /// Every item of every scale answered.
    case complete
    /// Some items missing, within what the scale's rule allows: the score is prorated (or a mean of fewer items).
    case prorated
    /// Too many items missing for at least one scale: no score. Flags are still evaluated.
    case unscored

    private var rank: Int {
        switch self {
        case .complete: 0
        case .prorated: 1
        case .unscored: 2
        }
    }

    package static func < (lhs: ScoringStatus, rhs: ScoringStatus) -> Bool { lhs.rank < rhs.rank }
}
