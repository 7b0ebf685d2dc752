import Foundation

/// One unit of a cohort report: the whole wave, a school, a grade or a class, or a gender or major group of a
/// school or grade. Absent parts are empty strings, as in the CSV.
package struct CohortUnit: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    package enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        case all
        case school
        case grade
        case `class`
    }

    /// The attributes groups are formed on, at school and grade level.
    package enum GroupAttribute: String, Hashable, Sendable, Codable, CaseIterable {
        case gender
        case major
    }

    package var level: Level
    package var school: String
    package var grade: String
    package var className: String
    /// Nil for the whole unit.
    package var groupAttribute: GroupAttribute?
    package var groupValue: String

    package init(
        level: Level, school: String = "", grade: String = "", className: String = "",
        group: (GroupAttribute, String)? = nil
    ) {
        self.level = level
        self.school = school
        self.grade = grade
        self.className = className
        groupAttribute = group?.0
        groupValue = group?.1 ?? ""
    }

    package static let all = CohortUnit(level: .all)

    /// `gender=F`, or empty for the whole unit: the CSV `group` column.
    package var group: String { groupAttribute.map { "\($0.rawValue)=\(groupValue)" } ?? "" }

    package var isGroup: Bool { groupAttribute != nil }

    /// The same unit without its group.
    package var whole: CohortUnit { CohortUnit(level: level, school: school, grade: grade, className: className) }

    /// The unit one level up (class → grade → school → all), keeping the group; nil for the whole wave. A
    /// school's groups have no parent: groups stop at school level.
    package var parent: CohortUnit? {
        var parent = self
        switch level {
        case .all: return nil
        case .school: return isGroup ? nil : .all
        case .grade: (parent.level, parent.grade) = (.school, "")
        case .class: (parent.level, parent.className) = (.grade, "")
        }
        return parent
    }

    package var description: String {
        let path = [school, grade, className].filter { !$0.isEmpty }.joined(separator: "/")
        let name = path.isEmpty ? "all" : path
        return isGroup ? "\(name) [\(group)]" : name
    }

    /// Schools, then within a school its groups, then its grades, each grade followed by its groups and classes;
    /// numbers inside names compare as numbers (`2班` before `10班`).
    package static func < (lhs: CohortUnit, rhs: CohortUnit) -> Bool {
        let left = [lhs.school, lhs.grade, lhs.className, lhs.groupAttribute?.rawValue ?? "", lhs.groupValue]
        let right = [rhs.school, rhs.grade, rhs.className, rhs.groupAttribute?.rawValue ?? "", rhs.groupValue]
        for (a, b) in zip(left, right) where a != b {
            if a.isEmpty { return true }
            if b.isEmpty { return false }
            return naturalPrecedes(a, b)
        }
        return false
    }

    /// Scalar order, except that runs of ASCII digits compare by value. (Foundation's localized comparison does
    /// the same through ICU, and costs a thousand times more over the units of a district.)
    static func naturalPrecedes(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var i = 0, j = 0
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                var endI = i, endJ = j
                while endI < x.count && isDigit(x[endI]) { endI += 1 }
                while endJ < y.count && isDigit(y[endJ]) { endJ += 1 }
                var startI = i, startJ = j
                while startI < endI - 1 && x[startI].value == 48 { startI += 1 }
                while startJ < endJ - 1 && y[startJ].value == 48 { startJ += 1 }
                let lengthI = endI - startI, lengthJ = endJ - startJ
                if lengthI != lengthJ { return lengthI < lengthJ }
                for k in 0..<lengthI where x[startI + k] != y[startJ + k] {
                    return x[startI + k].value < y[startJ + k].value
                }
                i = endI
                j = endJ
            } else {
                if x[i] != y[j] { return x[i].value < y[j].value }
                i += 1
                j += 1
            }
        }
        if (x.count - i) != (y.count - j) { return (x.count - i) < (y.count - j) }
        return a < b
    }
}
