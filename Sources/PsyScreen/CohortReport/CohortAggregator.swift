/// Counts students into the finest units (class × gender × major), then adds those up into every unit of the
/// report. Each student is touched once, and the sums run over dense arrays indexed by unit numbers given once
/// per leaf, so a million students cost one pass and a few thousand array additions; a unit's names are read
/// only when its ``CohortUnit`` is made, once.
package struct CohortAggregator: Sendable {
    package let columns: [CohortColumn]

    private struct LeafKey: Hashable {
        var school: String
        var grade: String
        var className: String
        var gender: String
        var major: String
    }

    /// The numbers of a leaf's units: its class, grade and school, and its gender and major values.
    private struct LeafUnits {
        var className, grade, school, gender, major: Int
    }

    /// A group of a grade or school: the grade's or school's number, the attribute, the value's number.
    private struct GroupKey: Hashable {
        var parent: Int
        var attribute: CohortUnit.GroupAttribute
        var value: Int
    }

    private var leafIndex: [LeafKey: Int] = [:]
    private var leafKeys: [LeafKey] = []
    private var leafUnits: [LeafUnits] = []
    private var leaves: [DenseCounts] = []
    private var lastKey: LeafKey?
    private var lastIndex = 0
    private var complete: [Int] = []

    /// Unit numbers by name, each under its parent's number (a grade's name is only unique within its school).
    private var schoolIndex: [String: Int] = [:]
    private var gradeIndex: [Pair: Int] = [:]
    private var classIndex: [Pair: Int] = [:]
    private var groupValueIndex: [String: Int] = [:]
    /// Per number: the name, and for grades and classes the parent's number.
    private var schoolNames: [String] = []
    private var grades: [(school: Int, name: String)] = []
    private var classes: [(grade: Int, name: String)] = []
    private var groupValues: [String] = []

    /// A name under its parent's number.
    private struct Pair: Hashable {
        var parent: Int
        var name: String
    }

    /// A leaf with nothing counted yet. Every new leaf starts as a copy of it, sharing its arrays until a student is
    /// counted there: a leaf costs memory only once counted into (a million students have 44,000 leaves, and an
    /// ``emptied()`` copy has them all again).
    private let emptyLeaf: DenseCounts

    package init(columns: [CohortColumn]) {
        self.columns = columns
        emptyLeaf = DenseCounts(columns: columns)
    }

    /// Counts one roster student. Withdrawn students count nowhere.
    package mutating func add(_ entry: CohortEntry) {
        guard entry.status != .withdrawn else { return }
        add(
            entry,
            leaf: leaf(
                school: entry.school, grade: entry.grade, className: entry.className, gender: entry.gender,
                major: entry.major))
    }

    /// The finest unit a student counts in, for callers that know it already (a reader that sees the same class
    /// for many rows asks once): its units in ``add(_:leaf:)`` come from here, not from the entry.
    package mutating func leaf(school: String, grade: String, className: String, gender: String, major: String) -> Int {
        let key = LeafKey(
            school: school, grade: grade, className: className,
            gender: gender.isEmpty ? CohortEntry.unknownGroup : gender,
            major: major.isEmpty ? CohortEntry.unknownGroup : major)
        // Rosters come sorted by class: the previous student's leaf is usually the right one.
        if key == lastKey { return lastIndex }
        let index: Int
        if let known = leafIndex[key] {
            index = known
        } else {
            index = leaves.count
            leafIndex[key] = index
            leafKeys.append(key)
            leafUnits.append(units(of: key))
            leaves.append(emptyLeaf)
        }
        lastKey = key
        lastIndex = index
        return index
    }

    /// Numbers a new leaf's units, giving the next number to a unit not seen before.
    private mutating func units(of key: LeafKey) -> LeafUnits {
        func number<Key: Hashable>(_ key: Key, in index: inout [Key: Int], _ append: () -> Void) -> Int {
            if let known = index[key] { return known }
            let next = index.count
            index[key] = next
            append()
            return next
        }
        let school = number(key.school, in: &schoolIndex) { schoolNames.append(key.school) }
        let grade = number(Pair(parent: school, name: key.grade), in: &gradeIndex) {
            grades.append((school, key.grade))
        }
        let className = number(Pair(parent: grade, name: key.className), in: &classIndex) {
            classes.append((grade, key.className))
        }
        let gender = number(key.gender, in: &groupValueIndex) { groupValues.append(key.gender) }
        let major = number(key.major, in: &groupValueIndex) { groupValues.append(key.major) }
        return LeafUnits(className: className, grade: grade, school: school, gender: gender, major: major)
    }

    /// Counts one roster student into `leaf` (from ``leaf(school:grade:className:gender:major:)``); the entry's
    /// unit names are not read.
    package mutating func add(_ entry: CohortEntry, leaf: Int) {
        guard entry.status != .withdrawn else { return }
        leaves[leaf].count(entry, columns: columns, buffer: &complete)
    }

    /// The same units and leaves with every count at zero: a counter for another part of the roster, on another
    /// thread, added back with ``merge(_:)``.
    package func emptied() -> CohortAggregator {
        var copy = self
        copy.leaves = Array(repeating: emptyLeaf, count: leaves.count)
        return copy
    }

    /// Adds the counts of `other`, an ``emptied()`` copy of this aggregator counted since (counts are whole
    /// numbers and sums of them: the order of the additions changes nothing).
    package mutating func merge(_ other: CohortAggregator) {
        precondition(other.leaves.count == leaves.count, "an emptied copy of this aggregator, with no leaf added")
        for index in leaves.indices { leaves[index].merge(other.leaves[index]) }
    }

    /// Every unit: the whole wave, schools, grades, classes, and gender and major groups of schools and grades;
    /// with the leaves' counts unless `leaves` is false (a report under a stored pattern needs none).
    package func tables(leaves: Bool = true) -> CohortTables {
        guard leaves else { return CohortTables(columns: columns, units: unitCounts()) }
        // The units and the leaves are made from the same counts independently: at once.
        let (units, leaves) = Parallel.both(unitCounts, leafCounts)
        return CohortTables(columns: columns, units: units, leaves: leaves)
    }

    /// Leaves into classes and grade groups; then each level from the one below, so that the big sums run over
    /// few units. Units are numbers until the end.
    private func unitCounts() -> [CohortUnit: CohortCounts] {
        func add(_ counts: DenseCounts, to sums: inout [DenseCounts?], at index: Int) {
            if sums[index] == nil { sums[index] = counts } else { sums[index]!.merge(counts) }
        }
        func group(_ key: GroupKey, in index: inout [GroupKey: Int], _ sums: inout [DenseCounts?]) -> Int {
            if let known = index[key] { return known }
            index[key] = sums.count
            sums.append(nil)
            return sums.count - 1
        }
        var classSums = [DenseCounts?](repeating: nil, count: classes.count)
        var gradeGroupIndex: [GroupKey: Int] = [:]
        var gradeGroupKeys: [GroupKey] = []
        var gradeGroupSums: [DenseCounts?] = []
        for (units, counts) in zip(leafUnits, leaves) {
            add(counts, to: &classSums, at: units.className)
            for (attribute, value) in [(CohortUnit.GroupAttribute.gender, units.gender), (.major, units.major)] {
                let key = GroupKey(parent: units.grade, attribute: attribute, value: value)
                let count = gradeGroupSums.count
                let index = group(key, in: &gradeGroupIndex, &gradeGroupSums)
                if index == count { gradeGroupKeys.append(key) }
                add(counts, to: &gradeGroupSums, at: index)
            }
        }
        var gradeSums = [DenseCounts?](repeating: nil, count: grades.count)
        for (index, counts) in classSums.enumerated() {
            if let counts { add(counts, to: &gradeSums, at: classes[index].grade) }
        }
        var schoolSums = [DenseCounts?](repeating: nil, count: schoolNames.count)
        for (index, counts) in gradeSums.enumerated() {
            if let counts { add(counts, to: &schoolSums, at: grades[index].school) }
        }
        var schoolGroupIndex: [GroupKey: Int] = [:]
        var schoolGroupKeys: [GroupKey] = []
        var schoolGroupSums: [DenseCounts?] = []
        for (key, counts) in zip(gradeGroupKeys, gradeGroupSums) {
            guard let counts else { continue }
            let schoolKey = GroupKey(parent: grades[key.parent].school, attribute: key.attribute, value: key.value)
            let count = schoolGroupSums.count
            let index = group(schoolKey, in: &schoolGroupIndex, &schoolGroupSums)
            if index == count { schoolGroupKeys.append(schoolKey) }
            add(counts, to: &schoolGroupSums, at: index)
        }
        var all: [DenseCounts?] = [nil]
        for counts in schoolSums { if let counts { add(counts, to: &all, at: 0) } }

        var units: [CohortUnit: CohortCounts] = [:]
        units.reserveCapacity(
            classSums.count + gradeSums.count + schoolSums.count + gradeGroupSums.count + schoolGroupSums.count + 1)
        func put(_ unit: CohortUnit, _ counts: DenseCounts?) {
            if let counts { units[unit] = counts.counts(columns: columns) }
        }
        for (index, counts) in classSums.enumerated() {
            let grade = grades[classes[index].grade]
            put(
                CohortUnit(level: .class, school: schoolNames[grade.school], grade: grade.name, className: classes[index].name),
                counts)
        }
        for (index, counts) in gradeSums.enumerated() {
            put(CohortUnit(level: .grade, school: schoolNames[grades[index].school], grade: grades[index].name), counts)
        }
        for (key, counts) in zip(gradeGroupKeys, gradeGroupSums) {
            let grade = grades[key.parent]
            put(
                CohortUnit(
                    level: .grade, school: schoolNames[grade.school], grade: grade.name,
                    group: (key.attribute, groupValues[key.value])), counts)
        }
        for (index, counts) in schoolSums.enumerated() { put(CohortUnit(level: .school, school: schoolNames[index]), counts) }
        for (key, counts) in zip(schoolGroupKeys, schoolGroupSums) {
            put(
                CohortUnit(level: .school, school: schoolNames[key.parent], group: (key.attribute, groupValues[key.value])),
                counts)
        }
        put(.all, all[0])
        return units
    }

    private func leafCounts() -> [CohortLeaf: CohortCounts] {
        var leafCounts: [CohortLeaf: CohortCounts] = [:]
        leafCounts.reserveCapacity(leaves.count)
        for (key, counts) in zip(leafKeys, leaves) {
            leafCounts[
                CohortLeaf(
                    school: key.school, grade: key.grade, className: key.className, gender: key.gender, major: key.major)
            ] = counts.counts(columns: columns)
        }
        return leafCounts
    }
}
