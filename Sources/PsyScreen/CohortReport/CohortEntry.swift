/// One roster student as a cohort report sees them: the units they count in, coverage, and — when in the
/// cohort — level, scores, bands and the answers alpha needs. No ID, no name.
///
/// Meant to be reused: a reader fills the same value for every student, so that a million students cost no
/// million arrays.
package struct CohortEntry: Sendable {
    package var school = ""
    package var grade = ""
    package var className = ""
    package var gender = ""
    package var major = ""
    package var status = EnrollmentStatus.enrolled
    package var state = ScreeningState.notScreened
    /// The level the warning register shows (the latest attempt's; red sticks within a wave).
    package var level = WarningLevel.none
    /// Per column: the score as counted (``CohortColumn/scaled(_:)``); nil when unscored.
    package var scores: [Int?]
    /// Per column: index of the band in ``CohortColumn/bands``; nil for none.
    package var bands: [Int?]
    /// Per column: the alpha items' scored values (reversal applied); nil for a missing answer.
    package var items: [[Int?]]

    package init(columns: [CohortColumn]) {
        scores = Array(repeating: nil, count: columns.count)
        bands = Array(repeating: nil, count: columns.count)
        items = columns.map { Array(repeating: nil, count: $0.itemPositions.count) }
    }

    /// Clears the per-attempt parts before the next student.
    package mutating func clearResults() {
        for index in scores.indices {
            scores[index] = nil
            bands[index] = nil
            for item in items[index].indices { items[index][item] = nil }
        }
        level = .none
    }

    /// The group value written for an empty attribute.
    package static let unknownGroup = "?"
}
