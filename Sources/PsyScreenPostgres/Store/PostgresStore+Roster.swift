import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

extension PostgresStore {
    static let studentColumns = [
        "student_id", "name", "school", "grade", "class", "gender", "status", "campus", "major", "birth_date", "dorm",
        "updated_at",
    ]

    /// Adds or updates every student in one transaction. A student who changed class moves; nobody is duplicated.
    /// New and changed rows go to the server with COPY into temporary tables, then in two statements.
    package func importRoster(_ students: [Student], source: String) throws(StoreError) -> RosterImportSummary {
        try transaction {
            let now = Self.stored(clock())
            var summary = RosterImportSummary(added: 0, updated: 0, unchanged: 0, moved: [], notInRoster: 0)
            var existing: [String: Student] = [:]
            for student in try allStudents() { existing[student.studentID] = student }
            var seen: Set<String> = []
            var added: [Student] = []
            var changed: [Student] = []
            for student in students {
                seen.insert(student.studentID)
                guard let old = existing[student.studentID] else {
                    added.append(student)
                    continue
                }
                if old == student {
                    summary.unchanged += 1
                    continue
                }
                let from = "\(old.school)/\(old.grade)/\(old.className)"
                let to = "\(student.school)/\(student.grade)/\(student.className)"
                if from != to { summary.moved.append(RosterMove(studentID: student.studentID, from: from, to: to)) }
                changed.append(student)
            }
            summary.added = added.count
            summary.updated = changed.count
            summary.notInRoster = existing.keys.filter { !seen.contains($0) }.count
            try link.script("CREATE TEMPORARY TABLE roster_rows (LIKE student) ON COMMIT DROP")
            for (rows, statement) in [
                (added, "INSERT INTO student SELECT * FROM roster_rows"),
                (
                    changed,
                    """
                    UPDATE student s SET name = r.name, school = r.school, grade = r.grade, class = r.class, gender = r.gender,
                        status = r.status, campus = r.campus, major = r.major, birth_date = r.birth_date, dorm = r.dorm,
                        updated_at = r.updated_at
                    FROM roster_rows r WHERE s.student_id = r.student_id
                    """
                ),
            ] where !rows.isEmpty {
                try link.script("TRUNCATE roster_rows")
                try copy(rows, into: "roster_rows", columns: Self.studentColumns) { student, line in
                    line.field(student.studentID)
                    line.field(student.name)
                    line.field(student.school)
                    line.field(student.grade)
                    line.field(student.className)
                    line.field(student.gender)
                    line.field(student.status.rawValue)
                    line.field(student.campus)
                    line.field(student.major)
                    line.field(student.birthDate)
                    line.field(student.dorm)
                    line.field(now)
                }
                try link.script(statement)
            }
            try audit(
                .rosterImport(
                    source: source, students: students.count, added: summary.added, updated: summary.updated,
                    moved: summary.moved.count, unchanged: summary.unchanged))
            return summary
        }
    }

    /// One student by (normalized) id.
    package func student(_ id: String) throws(StoreError) -> Student? {
        do {
            return try allStudents(where: "student_id = \(StudentID.normalize(id))").first
        } catch {
            throw storeError(error)
        }
    }

    /// The whole roster, sorted by school, grade, class, id.
    package func students() throws(StoreError) -> [Student] {
        do {
            return try allStudents()
        } catch {
            throw storeError(error)
        }
    }

    /// Enrolled students in roster order, of one school, grade or class when given.
    package func enrolledStudents(
        school: String? = nil, grade: String? = nil, className: String? = nil
    ) throws(StoreError) -> [Student] {
        do {
            return try allStudents(
                where: """
                    status = 'enrolled' AND (\(school)::text IS NULL OR school = \(school)) AND (\(grade)::text IS NULL OR grade = \(grade))
                    AND (\(className)::text IS NULL OR class = \(className))
                    """)
        } catch {
            throw storeError(error)
        }
    }
}
