/// Which students a listing covers.
package struct RosterUnits: Sendable {
    package var school: String?
    package var grade: String?
    package var className: String?
    package var enrolledOnly: Bool

    package init(school: String? = nil, grade: String? = nil, className: String? = nil, enrolledOnly: Bool = false) {
        self.school = school
        self.grade = grade
        self.className = className
        self.enrolledOnly = enrolledOnly
    }
}
