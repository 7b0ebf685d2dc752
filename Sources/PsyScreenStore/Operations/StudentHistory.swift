import Foundation
import GRDB
import PsyScreen

/// A student's growth file: every attempt in every wave, and every follow-up step.
package struct StudentHistory: Hashable, Sendable {
    package var student: Student
    /// Oldest first.
    package var attempts: [ScreeningAttempt]
    /// Oldest first.
    package var followUps: [FollowUpStep]

    package init(student: Student, attempts: [ScreeningAttempt], followUps: [FollowUpStep]) {
        self.student = student
        self.attempts = attempts
        self.followUps = followUps
    }
}

/// One line of the audit trail.
package struct AuditEntry: Hashable, Sendable {
    package var at: Date
    package var user: String
    /// The action's code (`paper import`).
    package var action: String
    /// What happened; nil for a line written by an earlier version as plain text (``storedDetail``).
    package var event: AuditEvent?
    package var storedDetail: String

    package init(at: Date, user: String, action: String, event: AuditEvent?, storedDetail: String) {
        self.at = at
        self.user = user
        self.action = action
        self.event = event
        self.storedDetail = storedDetail
    }

    /// A line as stored: the detail is an event's JSON, or an earlier version's text.
    package init(at: Date, user: String, action: String, storedDetail: String) {
        self.init(at: at, user: user, action: action, event: AuditEvent(json: storedDetail), storedDetail: storedDetail)
    }

    /// The action in both languages (an unknown code as it is).
    package var actionText: LocalizedText {
        AuditAction(rawValue: action)?.localized ?? LocalizedText(libraryText: action)
    }

    /// The detail in both languages (an earlier version's text as it is).
    package var detail: LocalizedText { event?.localized ?? LocalizedText(libraryText: storedDetail) }
}

extension SQLiteStore {
    package func history(studentID: String) throws(StoreError) -> StudentHistory? {
        try read { db in
            let id = StudentID.normalize(studentID)
            guard let student = try StudentRecord.fetchOne(db, key: id)?.student() else { return nil }
            // Wave by wave through `attempt_wave_student` (a school has a few waves a year).
            let attempts = try loadAttempts(
                db, filter: "a.wave_id IN (SELECT id FROM wave) AND a.student_id = ? AND \(Self.visible("a"))", arguments: [id])
            let followUps = try FollowUpRecord.filter(Column("student_id") == id).order(Column("id")).fetchAll(db).map {
                try $0.step()
            }
            return StudentHistory(student: student, attempts: attempts, followUps: followUps)
        }
    }

    /// The audit trail, oldest first.
    package func auditTrail() throws(StoreError) -> [AuditEntry] {
        try read { db in
            try AuditRecord.order(Column("id")).fetchAll(db).map {
                AuditEntry(at: $0.at, user: $0.user, action: $0.action, storedDetail: $0.detail)
            }
        }
    }

    /// Records that an identified file was written (who wrote which students' data where).
    package func recordExport(_ what: IdentifiedExport, path: String, rows: Int) throws(StoreError) {
        try write { db in try audit(db, .export(what, path: path, rows: rows)) }
    }
}
