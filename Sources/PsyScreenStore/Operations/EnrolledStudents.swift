import GRDB
import PsyScreen

extension SQLiteStore {
    /// Enrolled students in roster order (school, grade, class, student ID), of one school, grade or class when
    /// given: the students a class's stack of paper forms is printed for.
    package func enrolledStudents(
        school: String? = nil, grade: String? = nil, className: String? = nil
    ) throws(StoreError) -> [Student] {
        try read { db in
            var request = StudentRecord.filter(Column("status") == EnrollmentStatus.enrolled.rawValue)
            if let school { request = request.filter(Column("school") == school) }
            if let grade { request = request.filter(Column("grade") == grade) }
            if let className { request = request.filter(Column("class") == className) }
            return try request.order(Column("school"), Column("grade"), Column("class"), Column("student_id")).fetchAll(db).map {
                try $0.student()
            }
        }
    }
}
