import Foundation

/// One recorded follow-up step. Steps are only ever added; the latest is the student's current status.
package struct FollowUpStep: Hashable, Sendable {
    package var wave: String
    package var studentID: String
    package var status: FollowUpStatus
    package var note: String?
    package var at: Date
    /// The OS user who recorded it.
    package var recordedBy: String

    package init(wave: String, studentID: String, status: FollowUpStatus, note: String?, at: Date, recordedBy: String) {
        self.wave = wave
        self.studentID = studentID
        self.status = status
        self.note = note
        self.at = at
        self.recordedBy = recordedBy
    }
}
