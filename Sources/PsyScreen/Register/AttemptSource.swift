import Foundation

/// Where an attempt's answers came from.
package enum AttemptSource: String, Hashable, Sendable, Codable {
    /// Keyed in from a paper form and imported from CSV.
    case paper
    /// Answered at a lab terminal (`psyscreen take`).
    case terminal
}
