/// Statistics read from a merged file that cannot be right.
package enum MergedStatisticsError: Error, Hashable, Sendable, Message, CustomStringConvertible {
    case negativeCount(Int)
    case impossibleSums(count: Int)

    package var description: String { english }

    package var english: String {
        switch self {
        case let .negativeCount(count):
            "a count of scores is negative (\(count))"
        case let .impossibleSums(count):
            "the sum and sum of squares of \(count) scores are not those of any set of scores"
        }
    }
}
