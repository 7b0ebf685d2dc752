/// Disclosure control over a whole cohort report (docs/report.md, "Disclosure control"): one ``SuppressionProblem`` holding every count of
/// every unit — screened, each scale's n and bands, the warning levels — with every relation a reader has, then
/// ``CellSuppressor``.
///
/// One problem rather than one per table, because the tables share cells: a class's screened count is the n of
/// each scale and the total of its levels, so a complement placed in one table must hold in the others. The
/// relations are:
/// - per unit, `n = Σ bands (+ scored-but-unbanded, never published)` for each scale, and
///   `screened = red + orange + yellow + none` (`none` is never published);
/// - per statistic, class → grade → school → whole wave, and grade group → school group (gender, major);
/// - per unit and group attribute, `unit = Σ its groups`.
/// When a scale's n equals the screened count in every unit (one battery per wave, the usual case), the
/// screened cell is the scale's n: a reader knows they are equal.
package struct CohortDisclosure: Sendable {
    package let threshold: MinimumCellSize

    package init(threshold: MinimumCellSize) { self.threshold = threshold }

    /// The published cells to hide, per unit. `withheld` names cells an earlier report already hid (a school's
    /// own report, from its exchange file): they stay hidden.
    package func hiddenCells(
        _ tables: CohortTables, withheld: [CohortUnit: Set<CohortCell>] = [:], sortedUnits: [CohortUnit]? = nil
    ) throws(SuppressionProblemError) -> [CohortUnit: Set<CohortCell>] {
        let columns = tables.columns
        let units = sortedUnits ?? tables.sortedUnits
        let sharesScreened = columns.indices.map { column in
            tables.units.values.allSatisfy { $0.scales[column].n == $0.screened }
        }
        let hasUnbanded = columns.indices.map { column in
            tables.units.values.contains { $0.scales[column].unbanded > 0 }
        }

        var problem = SuppressionProblem()
        // Per unit, per family: the cell ids, in a fixed order (see `Row`).
        var rows: [CohortUnit: Row] = [:]
        rows.reserveCapacity(units.count)
        var owner: [SuppressionProblem.CellID: (CohortUnit, CohortCell)] = [:]
        owner.reserveCapacity(units.count * (1 + 3 + columns.reduce(0) { $0 + $1.bands.count + 1 }))
        for unit in units {
            let counts = tables.units[unit]!
            let id = try problem.addUnit(unit.description, enrolment: counts.enrolled)
            let held = withheld[unit] ?? []
            func cell(
                _ what: CohortCell?, _ label: String, _ value: Int, published: Bool = true, sensitive: Bool = true
            )
                throws(SuppressionProblemError) -> SuppressionProblem.CellID
            {
                // The unit is named once, on the unit: a label per cell would cost a string per figure.
                let cellID = try problem.addCell(
                    label, value: value, unit: id, published: published, sensitive: sensitive,
                    withheld: what.map { held.contains($0) } ?? false)
                if let what, published { owner[cellID] = (unit, what) }
                return cellID
            }
            var row = Row()
            row.screened = try cell(.screened, "screened", counts.screened, sensitive: false)
            for (index, column) in columns.enumerated() {
                let scale = counts.scales[index]
                let n = sharesScreened[index] ? row.screened : try cell(.n(index), "n", scale.n, sensitive: false)
                var parts: [SuppressionProblem.CellID] = []
                for (band, info) in column.bands.enumerated() {
                    parts.append(try cell(.band(index, band), info.id, scale.bands[band]))
                }
                if hasUnbanded[index] {
                    parts.append(try cell(nil, "unbanded", scale.unbanded, published: false))
                }
                if !sharesScreened[index] { row.statistics.append(n) }
                row.statistics += parts
                if !parts.isEmpty { try problem.addEquation(n, equals: parts, kind: .partition) }
            }
            var levels: [SuppressionProblem.CellID] = []
            for level in CohortCell.publishedLevels {
                levels.append(try cell(.level(level), level.rawValue, counts.count(level)))
            }
            levels.append(try cell(nil, "none", counts.count(.none), published: false))
            row.statistics += levels
            try problem.addEquation(row.screened, equals: levels, kind: .partition)
            rows[unit] = row
        }

        // Hierarchy: each parent equals the sum of its children, statistic by statistic.
        var children: [CohortUnit: [CohortUnit]] = [:]
        for unit in units {
            // The nearest shown ancestor: with grades left out (`--by school,class`), a school is still the sum
            // of its classes, and a reader knows it.
            var ancestor = unit.parent
            while let candidate = ancestor, rows[candidate] == nil { ancestor = candidate.parent }
            if let ancestor { children[ancestor, default: []].append(unit) }
            if unit.isGroup, rows[unit.whole] != nil {
                children[Self.groupTotalKey(unit), default: []].append(unit)
            }
        }
        for (parent, members) in children.sorted(by: { $0.key < $1.key }) {
            let isGroupSplit = parent.groupValue == Self.groupSplitMarker
            let total = isGroupSplit ? rows[parent.whole]! : rows[parent]!
            let parts = members.map { rows[$0]! }
            let columnCount = total.all.count
            for column in 0..<columnCount {
                try problem.addEquation(
                    total.all[column], equals: parts.map { $0.all[column] },
                    kind: column == 0 && isGroupSplit ? .partition : .hierarchy)
            }
        }

        let result = CellSuppressor(threshold: threshold).suppress(problem)
        var hidden: [CohortUnit: Set<CohortCell>] = [:]
        for cell in result.hidden {
            guard let (unit, what) = owner[cell] else { continue }
            hidden[unit, default: []].insert(what)
            // The shared screened cell is every such scale's n too.
            if what == .screened {
                for index in columns.indices where sharesScreened[index] { hidden[unit]!.insert(.n(index)) }
            }
        }
        return hidden
    }

    /// The cells of one unit in a fixed order, so that a parent's and its children's rows line up.
    private struct Row {
        var screened = SuppressionProblem.CellID(rawValue: -1)
        var statistics: [SuppressionProblem.CellID] = []
        var all: [SuppressionProblem.CellID] { [screened] + statistics }
    }

    /// Key under which the groups of one attribute of a unit are collected: `unit = Σ groups`.
    private static let groupSplitMarker = "\u{0}split"
    private static func groupTotalKey(_ group: CohortUnit) -> CohortUnit {
        var key = group.whole
        key.groupAttribute = group.groupAttribute
        key.groupValue = groupSplitMarker
        return key
    }
}
