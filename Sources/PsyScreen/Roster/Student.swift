/// One student on the roster.
package struct Student: Hashable, Sendable, Codable {
    package var studentID: String
    package var name: String
    package var school: String
    package var grade: String
    package var className: String
    package var gender: String
    package var status: EnrollmentStatus
    package var campus: String?
    package var major: String?
    package var birthDate: String?
    package var dorm: String?

    package init(
        studentID: String, name: String, school: String, grade: String, className: String, gender: String,
        status: EnrollmentStatus, campus: String? = nil, major: String? = nil, birthDate: String? = nil,
        dorm: String? = nil
    ) {
        self.studentID = studentID
        self.name = name
        self.school = school
        self.grade = grade
        self.className = className
        self.gender = gender
        self.status = status
        self.campus = campus
        self.major = major
        self.birthDate = birthDate
        self.dorm = dorm
    }

    /// Grade and class as people read them (`2025 机电1班`); the class alone when its name already holds the
    /// grade, as class names often do (`2025级1班`).
    package var classLabel: String {
        let grade = className.contains(grade) ? "" : grade
        return [grade, className].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The name with all but its first and last characters masked (张*明, 李*), shown to a student to confirm who
    /// they are without displaying a classmate's full name on a shared screen.
    package var maskedName: String {
        let characters = Array(name)
        switch characters.count {
        case 0: return ""
        case 1: return String(characters)
        case 2: return String(characters[0]) + "*"
        default: return String(characters[0]) + String(repeating: "*", count: characters.count - 2) + String(characters.last!)
        }
    }
}
