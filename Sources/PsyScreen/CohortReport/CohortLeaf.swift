/// The finest set of students a reader can name from the roster: one class's students of one gender and one major.
///
/// No output shows a leaf, but every unit is a union of leaves, and that is how a reader combines units: a grade's
/// girls are the girls of its classes, and a major taught in two classes is those two classes. Disclosure control
/// works on leaves so that it sees every such relation, not only the class → grade → school tree.
package struct CohortLeaf: Hashable, Sendable, Comparable {
    package var school: String
    package var grade: String
    package var className: String
    package var gender: String
    package var major: String

    package init(school: String, grade: String, className: String, gender: String, major: String) {
        self.school = school
        self.grade = grade
        self.className = className
        self.gender = gender
        self.major = major
    }

    package var classUnit: CohortUnit { CohortUnit(level: .class, school: school, grade: grade, className: className) }

    /// The value of a group attribute.
    package func value(of attribute: CohortUnit.GroupAttribute) -> String {
        switch attribute {
        case .gender: gender
        case .major: major
        }
    }

    /// True when the leaf's students belong to `unit`.
    package func belongs(to unit: CohortUnit) -> Bool {
        if !unit.school.isEmpty, unit.school != school { return false }
        if !unit.grade.isEmpty, unit.grade != grade { return false }
        if !unit.className.isEmpty, unit.className != className { return false }
        if let attribute = unit.groupAttribute, value(of: attribute) != unit.groupValue { return false }
        return true
    }

    package static func < (a: CohortLeaf, b: CohortLeaf) -> Bool {
        let left = [a.school, a.grade, a.className, a.gender, a.major]
        let right = [b.school, b.grade, b.className, b.gender, b.major]
        for (x, y) in zip(left, right) where x != y { return CohortUnit.naturalPrecedes(x, y) }
        return false
    }
}
