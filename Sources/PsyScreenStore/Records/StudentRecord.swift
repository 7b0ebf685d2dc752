import Foundation
import GRDB
import PsyScreen

/// A row of `student`.
struct StudentRecord: SnakeCaseColumns, PersistableRecord, Equatable {
    static let databaseTableName = "student"

    var studentId: String
    var name: String
    var school: String
    var grade: String
    var `class`: String
    var gender: String
    var status: String
    var campus: String?
    var major: String?
    var birthDate: String?
    var dorm: String?
    var updatedAt: Date

    init(_ student: Student, at date: Date) {
        studentId = student.studentID
        name = student.name
        school = student.school
        grade = student.grade
        self.class = student.className
        gender = student.gender
        status = student.status.rawValue
        campus = student.campus
        major = student.major
        birthDate = student.birthDate
        dorm = student.dorm
        updatedAt = date
    }

    func student() throws -> Student {
        Student(
            studentID: studentId, name: name, school: school, grade: grade, className: self.class, gender: gender,
            status: try StoredValue.decode(status, "student.status"), campus: campus, major: major, birthDate: birthDate,
            dorm: dorm)
    }

    /// Same data apart from the update time.
    func sameContent(as other: StudentRecord) -> Bool {
        var copy = other
        copy.updatedAt = updatedAt
        return self == copy
    }
}
