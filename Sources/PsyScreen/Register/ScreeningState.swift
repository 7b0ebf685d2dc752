/// Where one student stands in a wave, for coverage.
package enum ScreeningState: String, Hashable, Sendable, Codable {
    /// The latest attempt has a score on every instrument of the battery (a prorated score counts).
    case screened
    /// Started but not scored (stopped midway, or too many blanks on paper).
    case partial
    /// Consent refused.
    case refused
    /// No attempt in the wave.
    case notScreened = "not_screened"
}

extension ScreeningState {
    /// The state an attempt gives the student: refused, else screened when every instrument has a score (a
    /// prorated score counts), else partial. The one derivation behind coverage, the unscreened list and the
    /// report.
    package init(_ state: AttemptState, scored: Bool) {
        self = state == .refused ? .refused : scored ? .screened : .partial
    }
}
