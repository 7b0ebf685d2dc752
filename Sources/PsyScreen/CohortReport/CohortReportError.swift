/// A report that cannot be made.
package enum CohortReportError: Error, Hashable, Sendable, Message, CustomStringConvertible {
    case unknownBreakdown(String)
    case inconsistentCounts(LocalizedText)
    case emptyWave(String)
    /// The pattern stored at the closing names a unit the wave's data does not have: the database is damaged.
    case patternDoesNotFit(CohortUnit)

    package var description: String { english }

    package var english: String {
        switch self {
        case .unknownBreakdown(let word):
            "--by: unknown breakdown '\(word)' (use school, grade, class, gender, major, comma-separated)"
        case .inconsistentCounts(let detail):
            "the counts do not add up (\(detail.english)); the database or exchange file is damaged"
        case .emptyWave(let wave):
            "wave '\(wave)' has no screening results"
        case .patternDoesNotFit(let unit):
            "the pattern stored when the wave was closed has a unit the wave does not have (\(unit)); the database is damaged: open the wave and close it again"
        }
    }
}
