import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

/// Attempts read back as ``ScreeningAttempt`` values, with their answers and results.
extension PostgresStore {
    /// The attempts with these ids, keyed by id.
    func loadAttempts(ids: [Int64]) throws -> [Int64: ScreeningAttempt] {
        guard !ids.isEmpty else { return [:] }
        var attempts: [Int64: ScreeningAttempt] = [:]
        try link.forEachRow(
            """
            SELECT id, wave_id, student_id, battery_id, battery_version, source, state, started_at, finished_at, level,
                   reasons, validity, results
            FROM attempt WHERE id = ANY (\(ids)) ORDER BY id
            """
        ) { row in
            let (id, wave, student, battery, version, source, state, started, finished, level, reasons, validity, results) =
                try row.decode(
                    (Int64, String, String, String, String, String, String, Date, Date?, String, String, String, String).self)
            // Answers from the copy beside each result: the one place paper sheets keep them, and for terminal
            // sittings the same values as their answer rows (as the SQLite store reads them).
            let (instrumentResults, answers) = try ResultColumn.results(results)
            attempts[id] = ScreeningAttempt(
                id: id, wave: wave, studentID: student, batteryID: battery, batteryVersion: version,
                source: try StoredValue.decode(source, "attempt.source"), state: try StoredValue.decode(state, "attempt.state"),
                startedAt: started, finishedAt: finished, answers: answers, results: instrumentResults,
                assessment: WarningAssessment(
                    level: try StoredValue.decode(level, "attempt.level"),
                    reasons: reasons.isEmpty ? [] : reasons.components(separatedBy: "; ").map(WarningReason.init(code:))),
                validity: ValidityColumn.findings(validity))
        }
        return attempts
    }

    /// The roster, sorted by school, grade, class, id (byte order, as SQLite sorts).
    func allStudents(where filter: PostgresQuery = "TRUE") throws -> [Student] {
        var students: [Student] = []
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT student_id, name, school, grade, class, gender, status, campus, major, birth_date, dorm FROM student
                WHERE \(filter.sql) ORDER BY school, grade, class, student_id
                """, binds: filter.binds)
        try link.forEachRow(query) { row in students.append(try Self.student(row)) }
        return students
    }

    /// A `student` row (its columns in table order, without `updated_at`).
    static func student(_ row: PostgresRow) throws -> Student {
        let (id, name, school, grade, className, gender, status, campus, major, birthDate, dorm) = try row.decode(
            (String, String, String, String, String, String, String, String?, String?, String?, String?).self)
        return Student(
            studentID: id, name: name, school: school, grade: grade, className: className, gender: gender,
            status: try StoredValue.decode(status, "student.status"), campus: campus, major: major, birthDate: birthDate,
            dorm: dorm)
    }
}
