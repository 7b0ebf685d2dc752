import Foundation
import GRDB
import PsyScreen

/// A student's growth file: every attempt in every wave, and every follow-up step.
public struct StudentHistory: Hashable, Sendable {
    public var student: Student
    /// Oldest first.
    public var attempts: [ScreeningAttempt]
    /// Oldest first.
    public var followUps: [FollowUpStep]
}

/// One line of the audit trail.
public struct AuditEntry: Hashable, Sendable {
    public var at: Date
    public var user: String
    public var action: String
    public var detail: String
}

extension ScreeningStore {
    public func history(studentID: String) throws(StoreError) -> StudentHistory? {
        try read { db in
            let id = StudentID.normalize(studentID)
            guard let student = try StudentRecord.fetchOne(db, key: id)?.student else { return nil }
            let attempts = try loadAttempts(db, filter: "a.student_id = ?", arguments: [id])
            let followUps = try FollowUpRecord.filter(Column("student_id") == id).order(Column("id")).fetchAll(db).map(\.step)
            return StudentHistory(student: student, attempts: attempts, followUps: followUps)
        }
    }

    /// The audit trail, oldest first.
    public func auditTrail() throws(StoreError) -> [AuditEntry] {
        try read { db in
            try AuditRecord.order(Column("id")).fetchAll(db).map {
                AuditEntry(at: $0.at, user: $0.user, action: $0.action, detail: $0.detail)
            }
        }
    }

    /// Records that an identified file was written (who wrote which students' data where).
    public func recordExport(_ what: String, path: String, rows: Int) throws(StoreError) {
        try write { db in try audit(db, "export", "\(what) to \(path): \(rows) rows") }
    }
}
