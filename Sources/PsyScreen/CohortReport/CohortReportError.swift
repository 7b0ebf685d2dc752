/// A report that cannot be made.
package enum CohortReportError: Error, Hashable, Sendable, Message, CustomStringConvertible {
    case unknownBreakdown(String)
    case inconsistentCounts(LocalizedText)
    case emptyWave(String)

    package var description: String { english }

    package var english: String {
        switch self {
        case .unknownBreakdown(let word):
            "--by: unknown breakdown '\(word)' (use school, grade, class, gender, major, comma-separated)"
        case .inconsistentCounts(let detail):
            "the counts do not add up (\(detail.english)); the database or exchange file is damaged"
        case .emptyWave(let wave):
            "wave '\(wave)' has no screening results"
        }
    }
}
