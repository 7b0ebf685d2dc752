/// Disclosure control over a whole wave (docs/report.md, "Disclosure control"): the one ``DisclosurePattern``
/// every output of the wave shows a subset of.
///
/// **The reader** knows the roster and who was screened (the coverage list and the list of students not yet
/// screened name them), so every unit's and leaf's enrolment, screened count and n are public: they are never
/// hidden to protect something else, since hiding them protects nothing. What must stay unknown is how many
/// students of a small set are at a level or in a band, and the scores of a small set.
///
/// **Counts.** One ``SuppressionProblem`` holds every count of every unit and leaf (``CohortStructure``) —
/// screened, each scale's n and bands, the warning levels with the unpublished `none` — with every relation a
/// reader has: per node `n = Σ bands (+ unbanded)` and `screened = red + orange + yellow + none`, and per
/// relation of the structure `total = Σ parts`, statistic by statistic. Leaf counts are never published and are
/// protected like published ones, so a count of the girls of one class cannot be computed either.
///
/// **Distributions.** Means, SDs, medians, sums and histograms (and alpha with its item sums) of a unit add up
/// like its n, and a few students' n, Σx and Σx² can give their scores outright. Four families per scale, each
/// published only where its condition holds and then closed by an exact elimination over the same structure
/// that hides more of it until no unit or leaf outside the family has its figure computable from the published
/// ones (grade minus the other classes, a grade's girls as the grade minus its boys):
/// - the distribution (mean, SD, median; sums in exchange files): units with n ≥ k;
/// - the histogram (exchange files): those whose band counts are all published, since it gives them;
/// - alpha: units of the first family with at least k complete cases;
/// - per-item sums (exchange files): those whose level counts are all published, since the sums of a crisis
///   item can count who endorsed it.
/// Whether a published mean or median still narrows a hidden count (a band's scores lie in its range) is what
/// ``DisclosureAudit`` checks.
package struct CohortDisclosure: Sendable {
    package let threshold: MinimumCellSize
    /// The battery's warning policy, when the wave has one: the audit knows that levels follow bands.
    package let policy: WarningPolicy?

    package init(threshold: MinimumCellSize, policy: WarningPolicy? = nil) {
        self.threshold = threshold
        self.policy = policy
    }

    /// The units any output may show: all of `tables`, less the group splits that have a group below k.
    package func universe(_ tables: CohortTables) -> [CohortUnit] {
        var dropped: Set<CohortUnit> = []
        var splits: [CohortUnit: [CohortUnit]] = [:]
        for unit in tables.units.keys where unit.isGroup {
            var key = unit.whole
            key.groupAttribute = unit.groupAttribute
            splits[key, default: []].append(unit)
        }
        for groups in splits.values {
            let small = groups.contains { group in
                let counts = tables.units[group]!
                return min(counts.enrolled, counts.screened) < threshold.k
            }
            if small { dropped.formUnion(groups) }
        }
        return tables.sortedUnits.filter { !dropped.contains($0) }
    }

    /// The wave's pattern: exact elimination for counts and for the families of figures, then — for tables
    /// from student records — ``DisclosureAudit/repair(_:pattern:)`` until every hidden count keeps its
    /// protection interval, and the families closed again over what that hid, within what the audit saw.
    ///
    /// The repair runs twice. First over the counts alone, with no distribution published: a distribution is
    /// only ever published where its unit shows every band count, and the counts the repair hides decide which
    /// units still do, so deciding the counts first and the distributions over what is left loses nothing a
    /// reader could be shown — and the first program has no sum columns, a third of the size. Then, if the
    /// families closed over those counts still publish a distribution, over the distributions too (withdrawing
    /// a distribution before any count, ``DisclosureAudit/cost(_:_:)``).
    package func pattern(_ tables: CohortTables) throws(SuppressionProblemError) -> DisclosurePattern {
        let universe = self.universe(tables)
        let structure = CohortStructure(tables, universe: universe)
        let counts = try hiddenCounts(structure, columns: tables.columns)
        return try pattern(tables, structure, universe: universe, counts: counts)
    }

    /// The pattern a closed wave releases: ``pattern(_:)``, then the final audit of it, with what that audit
    /// cannot prove protected handed back and withdrawn (``DisclosureAudit/settle(_:pattern:close:)``), the
    /// families closed again after each withdrawal. The pattern returned is the one the returned audit passed
    /// (or, if nothing was left to withdraw, failed: then it must not be released).
    package func release(_ tables: CohortTables) throws(SuppressionProblemError) -> DisclosureAudit.Settled {
        let universe = self.universe(tables)
        let structure = CohortStructure(tables, universe: universe)
        let counts = try hiddenCounts(structure, columns: tables.columns)
        let decided = try pattern(tables, structure, universe: universe, counts: counts)
        return try DisclosureAudit(threshold: threshold, policy: policy).settle(tables, pattern: decided) {
            (pattern) throws(SuppressionProblemError) -> DisclosurePattern in
            // Within what the audit saw: a hidden count can only take a distribution away.
            var closed = try families(
                structure, universe: universe, hidden: pattern.hidden, protectedLeafCells: counts.protectedLeafCells,
                audited: pattern)
            closed.exposedZeros = pattern.exposedZeros
            return closed
        }
    }

    private func pattern(
        _ tables: CohortTables, _ structure: CohortStructure, universe: [CohortUnit],
        counts: (cells: [CohortUnit: Set<CohortCell>], protectedLeafCells: [Int: Set<CohortCell>], exposedZeros: Int)
    ) throws(SuppressionProblemError) -> DisclosurePattern {
        var pattern = try families(
            structure, universe: universe, hidden: counts.cells, protectedLeafCells: counts.protectedLeafCells)
        pattern.exposedZeros = counts.exposedZeros
        guard !tables.leaves.isEmpty else { return pattern }
        let audit = DisclosureAudit(threshold: threshold, policy: policy)
        var countsOnly = pattern
        countsOnly.distributions = countsOnly.distributions.map { _ in [] }
        countsOnly.histograms = countsOnly.distributions
        // Where a distribution may still be published after it (the repair only hides more), the counts' repair
        // runs its LP pass alone: the distributions' repair then checks every count with whole numbers anyway,
        // in a program with every row of this one, and a whole-number pass here was a fifth of a close's pivots.
        let mayPublish = !pattern.distributions.allSatisfy(\.isEmpty)
        var hidden = audit.repair(tables, pattern: countsOnly, wholeNumbers: !mayPublish).hidden
        // Closed again over what the repair hid, within what exact elimination allowed: a unit the first closure
        // hid to protect another must not come back now that the other is hidden anyway.
        var closed = try families(
            structure, universe: universe, hidden: hidden, protectedLeafCells: counts.protectedLeafCells,
            audited: pattern)
        if closed.distributions.allSatisfy(\.isEmpty), mayPublish {
            // No distribution is left after all: the whole-number pass over the counts is this repair's to run.
            countsOnly.hidden = hidden
            hidden = audit.repair(tables, pattern: countsOnly).hidden
            closed = try families(
                structure, universe: universe, hidden: hidden, protectedLeafCells: counts.protectedLeafCells,
                audited: pattern)
        }
        closed.exposedZeros = counts.exposedZeros
        if closed.distributions.allSatisfy(\.isEmpty) { return closed }
        let repaired = audit.repair(tables, pattern: closed)
        if repaired.hidden == closed.hidden, repaired.withdrawn.allSatisfy(\.isEmpty) { return closed }
        var final = try families(
            structure, universe: universe, hidden: repaired.hidden, protectedLeafCells: counts.protectedLeafCells,
            withdrawn: repaired.withdrawn, audited: closed)
        final.exposedZeros = counts.exposedZeros
        return final
    }

    /// The four families of figures per column (see the type's documentation), given the hidden counts.
    private func families(
        _ structure: CohortStructure, universe: [CohortUnit], hidden: [CohortUnit: Set<CohortCell>],
        protectedLeafCells: [Int: Set<CohortCell>], withdrawn: [Set<CohortUnit>]? = nil,
        audited: DisclosurePattern? = nil
    ) throws(SuppressionProblemError) -> DisclosurePattern {
        let columns = structure.counts.first?.scales.indices.map { $0 } ?? []
        var families: [[Set<CohortUnit>]] = [[], [], [], []]
        let k = threshold.k
        for column in columns {
            // A unit shows a count unless it is hidden; a leaf never shows one, but stands as a unit would
            // where none of its counts needs protection.
            func shows(_ node: Int, _ cells: [CohortCell]) -> Bool {
                let withheld = structure.nodes[node].unit.map { hidden[$0] ?? [] } ?? protectedLeafCells[node] ?? []
                return cells.allSatisfy { !withheld.contains($0) }
            }
            func isIn(_ family: Set<CohortUnit>, _ node: Int) -> Bool {
                structure.nodes[node].unit.map(family.contains) ?? true
            }
            let bandCount = structure.counts[0].scales[column].bands.count
            let bands = (0..<bandCount).map { CohortCell.band(column, $0) }
            let levels = CohortCell.publishedLevels.map(CohortCell.level)
            let n = { (node: Int) in structure.counts[node].scales[column].n }
            let complete = { (node: Int) in structure.counts[node].scales[column].alpha.completeCases }
            // Within what the audit saw published, when it has.
            func wasAudited(_ family: [Set<CohortUnit>]?, _ node: Int) -> Bool {
                guard let family, let unit = structure.nodes[node].unit else { return true }
                return family[column].contains(unit)
            }
            let distribution = try publishedFamily(structure, size: n) { node in
                structure.counts[node].enrolled >= k && n(node) >= k && shows(node, bands)
                    && !(structure.nodes[node].unit.map { withdrawn?[column].contains($0) ?? false } ?? false)
                    && wasAudited(audited?.distributions, node)
            }
            let histogram = try publishedFamily(structure, size: n) { node in
                isIn(distribution, node) && n(node) >= k && shows(node, bands) && wasAudited(audited?.histograms, node)
            }
            let reliability = try publishedFamily(structure, size: complete) { node in
                isIn(distribution, node) && n(node) >= k && complete(node) >= k
            }
            let itemSums = try publishedFamily(structure, size: complete) { node in
                isIn(reliability, node) && n(node) >= k && complete(node) >= k && shows(node, levels)
            }
            for (index, family) in [distribution, histogram, reliability, itemSums].enumerated() {
                families[index].append(family)
            }
        }
        return DisclosurePattern(
            units: universe, hidden: hidden, distributions: families[0], histograms: families[1],
            reliabilities: families[2], itemSums: families[3])
    }

    /// The count cells to hide, per unit.
    private func hiddenCounts(
        _ structure: CohortStructure, columns: [CohortColumn]
    ) throws(SuppressionProblemError) -> (
        cells: [CohortUnit: Set<CohortCell>], protectedLeafCells: [Int: Set<CohortCell>], exposedZeros: Int
    ) {
        let sharesScreened = columns.indices.map { column in
            structure.counts.allSatisfy { $0.scales[column].n == $0.screened }
        }
        let hasUnbanded = columns.indices.map { column in
            structure.counts.contains { $0.scales[column].unbanded > 0 }
        }
        var problem = SuppressionProblem()
        var rows: [Row] = []
        rows.reserveCapacity(structure.nodes.count)
        var owner: [SuppressionProblem.CellID: (CohortUnit, CohortCell)] = [:]
        var leafCell: [SuppressionProblem.CellID: (Int, CohortCell)] = [:]
        for (nodeIndex, (node, counts)) in zip(structure.nodes, structure.counts).enumerated() {
            let id = try problem.addUnit(node.description, enrolment: counts.enrolled)
            let unit = node.unit
            func cell(
                _ what: CohortCell?, _ label: String, _ value: Int, public isPublic: Bool = false
            )
                throws(SuppressionProblemError) -> SuppressionProblem.CellID
            {
                let published = unit != nil && what != nil
                let cellID = try problem.addCell(
                    label, value: value, unit: id, published: published, public: isPublic)
                if let unit, let what, published, !isPublic { owner[cellID] = (unit, what) }
                if unit == nil, let what { leafCell[cellID] = (nodeIndex, what) }
                return cellID
            }
            var row = Row()
            row.screened = try cell(.screened, "screened", counts.screened, public: true)
            for (index, column) in columns.enumerated() {
                let scale = counts.scales[index]
                let n = sharesScreened[index] ? row.screened : try cell(.n(index), "n", scale.n, public: true)
                var parts: [SuppressionProblem.CellID] = []
                for (band, info) in column.bands.enumerated() {
                    parts.append(try cell(.band(index, band), info.id, scale.bands[band]))
                }
                if hasUnbanded[index] { parts.append(try cell(nil, "unbanded", scale.unbanded)) }
                if !sharesScreened[index] { row.statistics.append(n) }
                row.statistics += parts
                if !parts.isEmpty { try problem.addEquation(n, equals: parts, kind: .partition) }
            }
            var levels: [SuppressionProblem.CellID] = []
            for level in CohortCell.publishedLevels {
                levels.append(try cell(.level(level), level.rawValue, counts.count(level)))
            }
            levels.append(try cell(nil, "none", counts.count(.none)))
            row.statistics += levels
            try problem.addEquation(row.screened, equals: levels, kind: .partition)
            rows.append(row)
        }
        for sum in structure.sums {
            let total = rows[sum.total].all
            for column in total.indices {
                try problem.addEquation(total[column], equals: sum.parts.map { rows[$0].all[column] }, kind: .hierarchy)
            }
        }
        let result = CellSuppressor(threshold: threshold).suppress(problem)
        var hidden: [CohortUnit: Set<CohortCell>] = [:]
        for cell in result.hidden {
            guard let (unit, what) = owner[cell] else { continue }
            hidden[unit, default: []].insert(what)
        }
        // A unit below k shows only its enrolment.
        for (node, counts) in zip(structure.nodes, structure.counts) where counts.enrolled < threshold.k {
            guard let unit = node.unit else { continue }
            hidden[unit, default: []].insert(.screened)
            for index in columns.indices { hidden[unit]!.insert(.n(index)) }
        }
        var protectedLeafCells: [Int: Set<CohortCell>] = [:]
        for cell in result.protected {
            if let (node, what) = leafCell[cell] { protectedLeafCells[node, default: []].insert(what) }
        }
        return (hidden, protectedLeafCells, result.exposedZeros.count)
    }

    /// One family of figures that add up like n (a scale's distribution, or its alpha sums): the units where
    /// `eligible` holds publish it unless a reader could then compute it for a unit or leaf that does not;
    /// hides more until none can be (exact elimination, smallest units first).
    private func publishedFamily(
        _ structure: CohortStructure, size: (Int) -> Int, eligible: (Int) -> Bool
    ) throws(SuppressionProblemError) -> Set<CohortUnit> {
        var problem = SuppressionProblem()
        var isEligible: [Bool] = []
        for node in structure.nodes.indices {
            // A leaf is never published; one that meets the condition needs no protection either.
            let ok = eligible(node)
            let published = ok && structure.nodes[node].unit != nil
            isEligible.append(published)
            try problem.addCell(
                structure.nodes[node].description, value: size(node), published: published,
                protected: !ok && size(node) > 0)
        }
        for sum in structure.sums {
            try problem.addEquation(
                SuppressionProblem.CellID(rawValue: sum.total),
                equals: sum.parts.map(SuppressionProblem.CellID.init(rawValue:)), kind: .hierarchy, checked: false)
        }
        let hidden = CellSuppressor(threshold: threshold).suppress(problem).hidden
        var units: Set<CohortUnit> = []
        for (node, published) in isEligible.enumerated() where published {
            if !hidden.contains(SuppressionProblem.CellID(rawValue: node)), let unit = structure.nodes[node].unit {
                units.insert(unit)
            }
        }
        return units
    }

    /// The cells of one node in a fixed order, so that a total's and its parts' rows line up.
    private struct Row {
        var screened = SuppressionProblem.CellID(rawValue: -1)
        var statistics: [SuppressionProblem.CellID] = []
        var all: [SuppressionProblem.CellID] { [screened] + statistics }
    }
}
