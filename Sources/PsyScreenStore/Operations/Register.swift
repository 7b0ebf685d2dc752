import Foundation
import GRDB
import PsyScreen

extension SQLiteStore {
    /// The early-warning register of `wave`: every roster student (whatever their status) with a stored attempt at
    /// one of `levels`, red first, then by school, grade, class, id. Level and attempt are the ones
    /// ``CountingAttempt`` gives: the latest attempt's, except that red sticks — a crisis answer on any attempt of
    /// the wave is never hidden by a later sheet, and the latest red attempt explains it.
    package func register(
        wave: String, levels: Set<WarningLevel> = [.red, .orange, .yellow]
    ) throws(StoreError) -> [RegisterEntry] {
        var entries: [RegisterEntry] = []
        try forEachRegisterEntry(wave: wave, levels: levels) { entries.append($0) }
        return entries
    }

    /// The entries of ``register(wave:levels:)`` one at a time, from one snapshot: the wave's verdicts
    /// (``WaveStandings``), then the roster in listing order. Entries at the highest level asked for are written as
    /// they come; those at lower levels are kept as row ids (8 bytes each) and read once the roster is done.
    package func forEachRegisterEntry(
        wave: String, levels: Set<WarningLevel> = [.red, .orange, .yellow], _ body: (RegisterEntry) throws -> Void
    ) throws(StoreError) {
        try readListing(wholeRoster: true) { db in
            let standings = try WaveStandings.read(db, wave: wave)
            let followUps = try latestFollowUps(db, wave: wave)
            var roster = RosterScan()
            // The attempts in the order they are stored (``AttemptBatch``), the entries in the order they come.
            try AttemptBatch.read(db, capacity: listingBatch) { attempts in
                // Red first; within a level, listing order.
                let order = levels.sorted(by: >)
                var later = [[Int64]](repeating: [], count: order.count)
                try roster.forEach(db, wave: wave, standings: standings) { entry in
                    guard let rank = order.firstIndex(of: entry.counting.level) else { return }
                    if rank == 0 {
                        try attempts.add(entry.student, entry.counting, attemptID: entry.counting.explainingAttemptID)
                    } else {
                        later[rank].append(entry.rowID)
                    }
                }
                for rank in later.indices.dropFirst() {
                    for rowID in later[rank] {
                        guard let student = try roster.student(db, rowID: rowID) else { continue }
                        let counting = standings.counting(rowID: rowID)
                        try attempts.add(student, counting, attemptID: counting.explainingAttemptID)
                    }
                    later[rank] = []
                }
            } body: { student, counting, attempt in
                guard let attempt else { return }
                try body(
                    RegisterEntry(
                        student: student, level: counting.level, reasons: attempt.assessment.reasons, attempt: attempt,
                        followUp: followUps[student.studentID]))
            }
        }
    }

    /// Records a follow-up step; earlier steps are kept.
    package func recordFollowUp(
        studentID: String, wave: String, status: FollowUpStatus, note: String?
    ) throws(StoreError) -> FollowUpStep {
        try write { db in
            let id = StudentID.normalize(studentID)
            guard try StudentRecord.fetchOne(db, key: id) != nil else {
                throw StoreError(path: path, .noStudent(studentID))
            }
            guard
                try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM attempt a WHERE wave_id = ? AND student_id = ? AND \(Self.visible("a")))",
                    arguments: [wave, id]) == true
            else {
                throw StoreError(path: path, .noScreeningInWave(student: id, wave: wave))
            }
            guard status != .new else {
                throw StoreError(path: path, .followUpNew)
            }
            let step = FollowUpStep(wave: wave, studentID: id, status: status, note: note, at: clock(), recordedBy: user)
            try FollowUpRecord(id: nil, waveId: wave, studentId: id, status: status.rawValue, note: note, at: step.at, user: user)
                .insert(db)
            try audit(db, .followUp(student: id, wave: wave, status: status))
            return step
        }
    }

    func latestFollowUps(_ db: Database, wave: String) throws -> [String: FollowUpStep] {
        let records = try FollowUpRecord.fetchAll(
            db,
            sql: "SELECT * FROM follow_up WHERE id IN (SELECT MAX(id) FROM follow_up WHERE wave_id = ? GROUP BY student_id)",
            arguments: [wave])
        return Dictionary(try records.map { ($0.studentId, try $0.step()) }, uniquingKeysWith: { _, last in last })
    }
}

extension FollowUpRecord {
    func step() throws -> FollowUpStep {
        FollowUpStep(
            wave: waveId, studentID: studentId, status: try StoredValue.decode(status, "follow_up.status"), note: note,
            at: at, recordedBy: user)
    }
}
