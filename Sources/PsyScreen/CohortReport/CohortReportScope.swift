/// Which units a report covers (`--by`).
package struct CohortReportScope: Hashable, Sendable {
    package var levels: Set<CohortUnit.Level>
    /// Groups are formed at school and grade level only.
    package var groups: Set<CohortUnit.GroupAttribute>

    package init(
        levels: Set<CohortUnit.Level> = Set(CohortUnit.Level.allCases),
        groups: Set<CohortUnit.GroupAttribute> = Set(CohortUnit.GroupAttribute.allCases)
    ) {
        self.levels = levels
        self.groups = groups
    }

    /// Every level, gender and major at school and grade level.
    package static let full = CohortReportScope()

    /// Parses `--by`: a comma-separated list of `school`, `grade`, `class`, `gender`, `major` (the whole wave is
    /// always shown).
    package init(parsing text: String) throws(CohortReportError) {
        var levels: Set<CohortUnit.Level> = [.all]
        var groups: Set<CohortUnit.GroupAttribute> = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            if let level = CohortUnit.Level(rawValue: word) {
                levels.insert(level)
            } else if let group = CohortUnit.GroupAttribute(rawValue: word) {
                groups.insert(group)
            } else {
                throw .unknownBreakdown(word)
            }
        }
        self.init(levels: levels, groups: groups)
    }

    package func includes(_ unit: CohortUnit) -> Bool {
        guard levels.contains(unit.level) else { return false }
        guard let attribute = unit.groupAttribute else { return true }
        return groups.contains(attribute) && (unit.level == .school || unit.level == .grade)
    }
}
