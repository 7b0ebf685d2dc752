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

/// ``CohortCounts`` with dense score histograms where a scale's grid is small, for fast counting and summing.
struct DenseCounts: Sendable {
    var base: CohortCounts
    /// Per column: respondents per scaled score, offset by the column's lowest score; empty for a column whose
    /// grid is larger than ``denseLimit``.
    var histograms: [[Int]]
    /// Per column: scores not in its dense histogram — every score of a large grid (a mean scale with many
    /// decimals: 0–3 with 6 decimals is 3,000,001 points per unit), and scores outside the range (never seen with
    /// validated keys, kept so nothing is lost). Memory grows with the distinct scores, not with the grid.
    var outliers: [ScoreHistogram]

    /// Grid points up to which a column is counted in an array (a sum scale's 0…27, a mean with 2 decimals).
    static let denseLimit = 4_096

    init(columns: [CohortColumn]) {
        base = CohortCounts(columns: columns)
        histograms = columns.map {
            $0.scaledRange.count <= Self.denseLimit ? Array(repeating: 0, count: $0.scaledRange.count) : []
        }
        outliers = Array(repeating: ScoreHistogram(), count: columns.count)
    }

    mutating func count(_ entry: CohortEntry, columns: [CohortColumn], buffer: inout [Int]) {
        switch entry.status {
        case .leave:
            base.onLeave += 1
            return
        case .internship:
            base.onInternship += 1
            return
        case .withdrawn: return
        case .enrolled: base.enrolled += 1
        }
        switch entry.state {
        case .screened: base.screened += 1
        case .partial:
            base.partial += 1
            return
        case .refused:
            base.refused += 1
            return
        case .notScreened:
            base.notScreened += 1
            return
        }
        switch entry.level {
        case .none: base.levels[0] += 1
        case .yellow: base.levels[1] += 1
        case .orange: base.levels[2] += 1
        case .red: base.levels[3] += 1
        }
        for column in columns.indices {
            guard let score = entry.scores[column] else { continue }
            if let band = entry.bands[column], band < base.scales[column].bands.count {
                base.scales[column].bands[band] += 1
            } else {
                base.scales[column].unbanded += 1
            }
            let range = columns[column].scaledRange
            if !histograms[column].isEmpty && range.contains(score) {
                histograms[column][score - range.lowerBound] += 1
            } else {
                outliers[column].add(score)
            }
            let items = entry.items[column]
            guard !items.isEmpty, items.allSatisfy({ $0 != nil }) else { continue }
            buffer.removeAll(keepingCapacity: true)
            for item in items { buffer.append(item!) }
            base.scales[column].alpha.add(buffer)
        }
    }

    mutating func merge(_ other: DenseCounts) {
        base.merge(other.base)
        for column in histograms.indices {
            for index in histograms[column].indices { histograms[column][index] += other.histograms[column][index] }
            outliers[column].merge(other.outliers[column])
        }
    }

    func counts(columns: [CohortColumn]) -> CohortCounts {
        var result = base
        for (column, histogram) in histograms.enumerated() {
            var scores = outliers[column]
            let low = columns[column].scaledRange.lowerBound
            for (offset, count) in histogram.enumerated() where count > 0 { scores.add(low + offset, times: count) }
            result.scales[column].scores = scores
        }
        return result
    }
}
