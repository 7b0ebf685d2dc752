/// The early-warning level of one screening, from the battery's policy.
package enum WarningLevel: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case none
    case yellow
    case orange
    /// Crisis: a critical item was endorsed. Needs a counselor today.
    case red

    private var rank: Int {
        switch self {
        case .none: 0
        case .yellow: 1
        case .orange: 2
        case .red: 3
        }
    }

    package static func < (lhs: WarningLevel, rhs: WarningLevel) -> Bool { lhs.rank < rhs.rank }
}
