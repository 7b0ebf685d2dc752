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

/// Something that makes a response questionable (a counselor decides what it means).
package enum ValidityFinding: Hashable, Sendable, CustomStringConvertible {
    /// Answered in `seconds`, below the rule's `minimum`.
    case tooFast(seconds: Double, minimum: Int)
    /// Identical answers on every item of a scale with reverse-keyed items.
    case straightLining(scale: String)

    /// A short stable code for files: `too-fast`, `straight-lining:total`.
    package var code: String {
        switch self {
        case .tooFast: "too-fast"
        case .straightLining(let scale): "straight-lining:\(scale)"
        }
    }

    package var description: String {
        switch self {
        case .tooFast(let seconds, let minimum):
            "answered in \(Int(seconds.rounded())) s, faster than the \(minimum) s minimum"
        case .straightLining(let scale):
            "the same answer on every item of scale '\(scale)', which has reverse-keyed items"
        }
    }
}

/// Everything the engine computes for one instrument on one form.
package struct InstrumentResult: Hashable, Sendable {
    package var instrumentID: String
    package var instrumentVersion: String
    /// In the instrument's scale order.
    package var scales: [ScaleScore]
    /// Ids of the flags raised, in the instrument's flag order.
    package var flags: [String]
    /// Whether any raised flag is a crisis flag.
    package var hasCrisis: Bool
    package var validity: [ValidityFinding]
    /// The worst status over the scales.
    package var status: ScoringStatus

    package init(
        instrumentID: String, instrumentVersion: String, scales: [ScaleScore], flags: [String], hasCrisis: Bool,
        validity: [ValidityFinding], status: ScoringStatus
    ) {
        self.instrumentID = instrumentID
        self.instrumentVersion = instrumentVersion
        self.scales = scales
        self.flags = flags
        self.hasCrisis = hasCrisis
        self.validity = validity
        self.status = status
    }

    package func scale(_ id: String) -> ScaleScore? { scales.first { $0.scaleID == id } }
}
