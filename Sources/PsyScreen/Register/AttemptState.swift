import Foundation

/// How far an attempt got.
package enum AttemptState: String, Hashable, Sendable, Codable {
    /// At the terminal, consent given, answering (or stopped midway and resumable).
    case inProgress = "in_progress"
    /// All done (a paper sheet is finished when imported).
    case finished
    /// Consent refused: counted apart in coverage.
    case refused
}
