/// Counts students into the finest units (class × gender × major), then adds those up into every unit of the
/// report. Each student is touched once, and the sums run over dense arrays, so a million students cost one
/// pass and a few thousand array additions.
package struct CohortAggregator: Sendable {
    package let columns: [CohortColumn]

    private struct LeafKey: Hashable {
        var school: String
        var grade: String
        var className: String
        var gender: String
        var major: String
    }

    private var leafIndex: [LeafKey: Int] = [:]
    private var leafKeys: [LeafKey] = []
    private var leaves: [DenseCounts] = []
    private var lastKey: LeafKey?
    private var lastIndex = 0
    private var complete: [Int] = []

    package init(columns: [CohortColumn]) { self.columns = columns }

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
            leaves.append(DenseCounts(columns: columns))
        }
        lastKey = key
        lastIndex = index
        return index
    }

    /// Counts one roster student into `leaf` (from ``leaf(school:grade:className:gender:major:)``); the entry's
    /// unit names are not read.
    package mutating func add(_ entry: CohortEntry, leaf: Int) {
        guard entry.status != .withdrawn else { return }
        leaves[leaf].count(entry, columns: columns, buffer: &complete)
    }

    /// Every unit: the whole wave, schools, grades, classes, and gender and major groups of schools and grades;
    /// with the leaves' counts unless `leaves` is false (a report under a stored pattern needs none).
    package func tables(leaves: Bool = true) -> CohortTables {
        guard leaves else { return CohortTables(columns: columns, units: unitCounts()) }
        // The units and the leaves are made from the same counts independently: at once.
        let (units, leaves) = Parallel.both(unitCounts, leafCounts)
        return CohortTables(columns: columns, units: units, leaves: leaves)
    }

    private func unitCounts() -> [CohortUnit: CohortCounts] {
        var dense: [CohortUnit: DenseCounts] = [:]
        func add(_ unit: CohortUnit, _ counts: DenseCounts) {
            if dense[unit] == nil { dense[unit] = counts } else { dense[unit]!.merge(counts) }
        }
        // Leaves into classes and grade groups; then each level from the one below, so that the big sums run
        // over few units.
        for (key, counts) in zip(leafKeys, leaves) {
            add(CohortUnit(level: .class, school: key.school, grade: key.grade, className: key.className), counts)
            for (attribute, value) in [(CohortUnit.GroupAttribute.gender, key.gender), (.major, key.major)] {
                add(CohortUnit(level: .grade, school: key.school, grade: key.grade, group: (attribute, value)), counts)
            }
        }
        for level in [CohortUnit.Level.class, .grade, .school] {
            for (unit, counts) in dense where unit.level == level {
                if let parent = unit.parent { add(parent, counts) }
            }
        }
        return dense.mapValues { $0.counts(columns: columns) }
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
