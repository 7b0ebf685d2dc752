import Foundation
import GRDB
import PsyScreen

extension ScreeningStore {
    /// The early-warning register of `wave`: every roster student (whatever their status) with a stored attempt at
    /// one of `levels`, red first, then by school, grade, class, id. The level is the latest attempt's, except that
    /// red sticks: a crisis answer on any attempt of the wave is never hidden by a later sheet.
    package func register(wave: String, levels: Set<WarningLevel> = [.red, .orange, .yellow]) throws(StoreError) -> [RegisterEntry] {
        try read { db in
            let attempts = try loadAttempts(
                db,
                filter: """
                    a.id IN (SELECT MAX(id) FROM attempt WHERE wave_id = ? GROUP BY student_id)
                    OR a.id IN (SELECT MAX(id) FROM attempt WHERE wave_id = ? AND level = 'red' GROUP BY student_id)
                    """, arguments: [wave, wave])
            var counting: [String: ScreeningAttempt] = [:]
            for attempt in attempts {
                if let current = counting[attempt.studentID], current.assessment.level == .red, attempt.assessment.level != .red {
                    continue
                }
                counting[attempt.studentID] = attempt
            }
            let followUps = try latestFollowUps(db, wave: wave)
            var entries: [RegisterEntry] = []
            for student in try allStudents(db) {
                guard let attempt = counting[student.studentID], levels.contains(attempt.assessment.level) else { continue }
                entries.append(
                    RegisterEntry(
                        student: student, level: attempt.assessment.level, reasons: attempt.assessment.reasons,
                        attempt: attempt, followUp: followUps[student.studentID]))
            }
            return entries.sorted { $0.level > $1.level }
        }
    }

    /// Records a follow-up step; earlier steps are kept.
    package func recordFollowUp(
        studentID: String, wave: String, status: FollowUpStatus, note: String?
    ) throws(StoreError) -> FollowUpStep {
        try write { db in
            let id = StudentID.normalize(studentID)
            guard try StudentRecord.fetchOne(db, key: id) != nil else {
                throw StoreError(path: path, message: "no student '\(studentID)' on the roster")
            }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM attempt WHERE wave_id = ? AND student_id = ?)", arguments: [wave, id]) == true else {
                throw StoreError(path: path, message: "student '\(id)' has no screening in wave '\(wave)'")
            }
            guard status != .new else {
                throw StoreError(path: path, message: "'new' is where every student starts; record contacted, counseling, referred or closed")
            }
            let step = FollowUpStep(wave: wave, studentID: id, status: status, note: note, at: clock(), recordedBy: user)
            try FollowUpRecord(id: nil, waveId: wave, studentId: id, status: status.rawValue, note: note, at: step.at, user: user).insert(db)
            try audit(db, "follow-up", "\(id) in wave \(wave): \(status.rawValue)")
            return step
        }
    }

    func latestFollowUps(_ db: Database, wave: String) throws -> [String: FollowUpStep] {
        let records = try FollowUpRecord.fetchAll(
            db,
            sql: "SELECT * FROM follow_up WHERE id IN (SELECT MAX(id) FROM follow_up WHERE wave_id = ? GROUP BY student_id)",
            arguments: [wave])
        return Dictionary(records.map { ($0.studentId, $0.step) }, uniquingKeysWith: { _, last in last })
    }
}

extension FollowUpRecord {
    var step: FollowUpStep {
        FollowUpStep(
            wave: waveId, studentID: studentId, status: FollowUpStatus(rawValue: status) ?? .new, note: note, at: at,
            recordedBy: user)
    }
}
