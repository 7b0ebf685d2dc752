import Foundation
import PsyScreen

/// How a terminal sitting is scored after every answer, whichever store keeps it.
package enum TerminalScoring {
    /// The outcome of the answers so far. `final` adds the time rules (seconds per instrument and for the sitting).
    /// A crisis answer, once given (`crisisGivenEarlier`), keeps the attempt red even if the student goes back and
    /// changes it: a counselor must still talk to them.
    package static func outcome(
        _ scorer: BatteryScorer, answers: [String: [Int?]], instrumentSeconds: [String: Double], totalSeconds: Double,
        final: Bool, crisisGivenEarlier: Bool
    ) throws(ScoringError) -> BatteryScorer.Outcome {
        var outcome = try scorer.score(
            answers, instrumentSeconds: final ? instrumentSeconds : [:], totalSeconds: final ? totalSeconds : nil)
        if crisisGivenEarlier, !outcome.hasCrisis {
            outcome.assessment = WarningAssessment(
                level: .red, reasons: [.crisisChangedAtTerminal] + outcome.assessment.reasons)
        }
        return outcome
    }
}

extension BatteryScorer.Outcome {
    /// Whether an instrument raised a crisis flag with these answers.
    package var hasCrisis: Bool { results.contains(where: \.hasCrisis) }
}
