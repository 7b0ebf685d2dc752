import Foundation

/// One unit of a cohort report: the whole wave, a school, a grade or a class, or a gender or major group of a
/// school or grade. Absent parts are empty strings, as in the CSV.
public struct CohortUnit: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        case all
        case school
        case grade
        case `class`
    }

    /// The attributes groups are formed on, at school and grade level.
    public enum GroupAttribute: String, Hashable, Sendable, Codable, CaseIterable {
        case gender
        case major
    }

    public var level: Level
    public var school: String
    public var grade: String
    public var className: String
    /// Nil for the whole unit.
    public var groupAttribute: GroupAttribute?
    public var groupValue: String

    public init(
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

    public static let all = CohortUnit(level: .all)

    /// `gender=F`, or empty for the whole unit: the CSV `group` column.
    public var group: String { groupAttribute.map { "\($0.rawValue)=\(groupValue)" } ?? "" }

    public var isGroup: Bool { groupAttribute != nil }

    /// The same unit without its group.
    public var whole: CohortUnit { CohortUnit(level: level, school: school, grade: grade, className: className) }

    /// The unit one level up (class → grade → school → all), keeping the group; nil for the whole wave. A
    /// school's groups have no parent: groups stop at school level.
    public var parent: CohortUnit? {
        var parent = self
        switch level {
        case .all: return nil
        case .school: return isGroup ? nil : .all
        case .grade: (parent.level, parent.grade) = (.school, "")
        case .class: (parent.level, parent.className) = (.grade, "")
        }
        return parent
    }

    public var description: String {
        let path = [school, grade, className].filter { !$0.isEmpty }.joined(separator: "/")
        let name = path.isEmpty ? "all" : path
        return isGroup ? "\(name) [\(group)]" : name
    }

    /// Schools, then within a school its groups, then its grades, each grade followed by its groups and classes;
    /// names compare as Finder does (`2班` before `10班`).
    public static func < (lhs: CohortUnit, rhs: CohortUnit) -> Bool {
        let left = [lhs.school, lhs.grade, lhs.className, lhs.groupAttribute?.rawValue ?? "", lhs.groupValue]
        let right = [rhs.school, rhs.grade, rhs.className, rhs.groupAttribute?.rawValue ?? "", rhs.groupValue]
        for (a, b) in zip(left, right) where a != b {
            if a.isEmpty { return true }
            if b.isEmpty { return false }
            let order = a.localizedStandardCompare(b)
            if order != .orderedSame { return order == .orderedAscending }
            return a < b
        }
        return false
    }
}
