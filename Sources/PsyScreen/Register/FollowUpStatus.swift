import Foundation

/// Where a student in the warning register stands.
package enum FollowUpStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// At a warning level, nobody has acted yet.
    case new
    case contacted
    case counseling
    case referred
    case closed
}
