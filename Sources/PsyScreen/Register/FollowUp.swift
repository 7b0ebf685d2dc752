import Foundation

/// Where a student in the warning register stands.
public enum FollowUpStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// At a warning level, nobody has acted yet.
    case new
    case contacted
    case counseling
    case referred
    case closed
}

/// One recorded follow-up step. Steps are only ever added; the latest is the student's current status.
public struct FollowUpStep: Hashable, Sendable {
    public var wave: String
    public var studentID: String
    public var status: FollowUpStatus
    public var note: String?
    public var at: Date
    /// The OS user who recorded it.
    public var recordedBy: String

    public init(wave: String, studentID: String, status: FollowUpStatus, note: String?, at: Date, recordedBy: String) {
        self.wave = wave
        self.studentID = studentID
        self.status = status
        self.note = note
        self.at = at
        self.recordedBy = recordedBy
    }
}
