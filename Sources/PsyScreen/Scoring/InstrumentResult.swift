/// Whether a form could be scored as it stands.
public enum ScoringStatus: String, Hashable, Sendable, Codable, Comparable {
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

    public static func < (lhs: ScoringStatus, rhs: ScoringStatus) -> Bool { lhs.rank < rhs.rank }
}

/// The score of one scale on one form.
public struct ScaleScore: Hashable, Sendable {
    public var scaleID: String
    /// Rounded to the scale's decimals; nil when unscored.
    public var score: Double?
    /// Items of the scale that were answered (for a derived scale: those of the scale it is based on).
    public var answered: Int
    public var itemCount: Int
    public var status: ScoringStatus
    /// The band the score falls in, when the scale has bands and a score.
    public var bandID: String?

    public init(scaleID: String, score: Double?, answered: Int, itemCount: Int, status: ScoringStatus, bandID: String?) {
        self.scaleID = scaleID
        self.score = score
        self.answered = answered
        self.itemCount = itemCount
        self.status = status
        self.bandID = bandID
    }

    public var isProrated: Bool { status == .prorated }
}

/// Something that makes a response questionable (a counselor decides what it means).
public enum ValidityFinding: Hashable, Sendable, CustomStringConvertible {
    /// Answered in `seconds`, below the rule's `minimum`.
    case tooFast(seconds: Double, minimum: Int)
    /// Identical answers on every item of a scale with reverse-keyed items.
    case straightLining(scale: String)

    /// A short stable code for files: `too-fast`, `straight-lining:total`.
    public var code: String {
        switch self {
        case .tooFast: "too-fast"
        case .straightLining(let scale): "straight-lining:\(scale)"
        }
    }

    public var description: String {
        switch self {
        case .tooFast(let seconds, let minimum):
            "answered in \(Int(seconds.rounded())) s, faster than the \(minimum) s minimum"
        case .straightLining(let scale):
            "the same answer on every item of scale '\(scale)', which has reverse-keyed items"
        }
    }
}

/// Everything the engine computes for one instrument on one form.
public struct InstrumentResult: Hashable, Sendable {
    public var instrumentID: String
    public var instrumentVersion: String
    /// In the instrument's scale order.
    public var scales: [ScaleScore]
    /// Ids of the flags raised, in the instrument's flag order.
    public var flags: [String]
    /// Whether any raised flag is a crisis flag.
    public var hasCrisis: Bool
    public var validity: [ValidityFinding]
    /// The worst status over the scales.
    public var status: ScoringStatus

    public init(
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

    public func scale(_ id: String) -> ScaleScore? { scales.first { $0.scaleID == id } }
}
