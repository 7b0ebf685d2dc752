import Foundation

/// One student in the identified early-warning register of a wave.
public struct RegisterEntry: Hashable, Sendable {
    public var student: Student
    public var level: WarningLevel
    /// Why: the policy conditions that held (`phq9 flag item9`).
    public var reasons: [String]
    /// The attempt whose level is shown.
    public var attempt: ScreeningAttempt
    /// The latest follow-up step, if any (`new` otherwise).
    public var followUp: FollowUpStep?

    public init(student: Student, level: WarningLevel, reasons: [String], attempt: ScreeningAttempt, followUp: FollowUpStep?) {
        self.student = student
        self.level = level
        self.reasons = reasons
        self.attempt = attempt
        self.followUp = followUp
    }

    public var followUpStatus: FollowUpStatus { followUp?.status ?? .new }
}
