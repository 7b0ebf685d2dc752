import Foundation

/// One student in the identified early-warning register of a wave.
package struct RegisterEntry: Hashable, Sendable {
    package var student: Student
    package var level: WarningLevel
    /// Why: the policy conditions that held (`phq9 flag item9`).
    package var reasons: [WarningReason]
    /// The attempt whose level is shown.
    package var attempt: ScreeningAttempt
    /// The latest follow-up step, if any (`new` otherwise).
    package var followUp: FollowUpStep?

    package init(
        student: Student, level: WarningLevel, reasons: [WarningReason], attempt: ScreeningAttempt, followUp: FollowUpStep?
    ) {
        self.student = student
        self.level = level
        self.reasons = reasons
        self.attempt = attempt
        self.followUp = followUp
    }

    package var followUpStatus: FollowUpStatus { followUp?.status ?? .new }
}
