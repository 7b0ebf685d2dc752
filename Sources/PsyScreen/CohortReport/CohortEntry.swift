/// One roster student as a cohort report sees them: the units they count in, coverage, and — when in the
/// cohort — level, scores, bands and the answers alpha needs. No ID, no name.
///
/// Meant to be reused: a reader fills the same value for every student, so that a million students cost no
/// million arrays.
public struct CohortEntry: Sendable {
    public var school = ""
    public var grade = ""
    public var className = ""
    public var gender = ""
    public var major = ""
    public var status = EnrollmentStatus.enrolled
    public var state = ScreeningState.notScreened
    /// The level the warning register shows (the latest attempt's; red sticks within a wave).
    public var level = WarningLevel.none
    /// Per column: the score as counted (``CohortColumn/scaled(_:)``); nil when unscored.
    public var scores: [Int?]
    /// Per column: index of the band in ``CohortColumn/bands``; nil for none.
    public var bands: [Int?]
    /// Per column: the alpha items' scored values (reversal applied); nil for a missing answer.
    public var items: [[Int?]]

    public init(columns: [CohortColumn]) {
        scores = Array(repeating: nil, count: columns.count)
        bands = Array(repeating: nil, count: columns.count)
        items = columns.map { Array(repeating: nil, count: $0.itemPositions.count) }
    }

    /// Clears the per-attempt parts before the next student.
    public mutating func clearResults() {
        for index in scores.indices {
            scores[index] = nil
            bands[index] = nil
            for item in items[index].indices { items[index][item] = nil }
        }
        level = .none
    }

    /// The group value written for an empty attribute.
    public static let unknownGroup = "?"
}
