/// Schools a reader has to solve together, as one ``AuditModel``: the wave's published figures tie schools
/// only where two or more of them hide the school-level figure the wave publishes.
///
/// Why this is exact: a wave's published count c says Σ over schools of each school's c = the wave's c. Schools
/// that publish their c contribute a known constant. So the one program over the whole wave — every school's
/// leaves, every published figure, the wave's equations — splits into independent programs, one per group of
/// schools linked by sharing a hidden school-level figure that the wave publishes (counts; for a column whose
/// wave distribution is published, the schools' sums). Each group's program carries the wave's equations with
/// the other schools' published values moved to the constant side; every value a hidden count of the group can
/// take in the whole-wave program, it takes in the group's program, and the other way round.
struct AuditComponent {
    let schools: [String]
    let model: AuditModel
    /// The units of the schools that the pattern shows, in output order.
    let units: [CohortUnit]
    /// Per unit (and ``CohortUnit/all`` for every leaf of the component): leaf indices of the model.
    let membersOf: [CohortUnit: [Int]]
    /// Per unit: the units shown whose students include all of its own (the wave where it publishes).
    private let containers: [CohortUnit: [CohortUnit]]

    /// The groups of schools linked through the wave's published figures, each sorted, in school order.
    static func groups(_ tables: CohortTables, _ pattern: DisclosurePattern) -> [[String]] {
        let schools = Set(pattern.units.map(\.school)).filter { !$0.isEmpty }.sorted()
        var root = Dictionary(uniqueKeysWithValues: schools.map { ($0, $0) })
        func find(_ school: String) -> String {
            var current = school
            while root[current]! != current { current = root[current]! }
            return current
        }
        for tie in ties(tables, pattern) {
            let members = tie.hiding.keys.sorted()
            guard let first = members.first else { continue }
            for other in members.dropFirst() {
                let (a, b) = (find(first), find(other))
                if a != b { root[max(a, b)] = min(a, b) }
            }
        }
        return Dictionary(grouping: schools, by: find).values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Groups of up to this many schools are solved as one program, exactly; larger ones in blocks.
    static let exactSchools = 4

    /// `sumsPerLeaf` states the sums leaf by leaf, every leaf its own atom: the same program, larger (for tests).
    /// `hiddenTiesOnly` states only the wave's figures that the schools hide: a school's program within a block
    /// (``DisclosureAudit/SchoolPrograms``), where the wave's figure less the other schools' would repeat the
    /// school's own published one, a twin whose dual could stand for the school's.
    init(
        schools: [String], tables: CohortTables, pattern: DisclosurePattern, policy: WarningPolicy?,
        sumsPerLeaf: Bool = false, hiddenTiesOnly: Bool = false
    ) {
        self.schools = schools
        let columns = tables.columns
        let inside = Set(schools)
        let leaves = tables.leaves.filter { inside.contains($0.key.school) && $0.value.screened > 0 }
            .sorted { $0.key < $1.key }
        let units = pattern.units.filter { !$0.school.isEmpty && inside.contains($0.school) }
        self.units = units
        var membersOf = Dictionary(
            uniqueKeysWithValues: units.map { unit in (unit, leaves.indices.filter { leaves[$0].key.belongs(to: unit) }) })
        membersOf[.all] = Array(leaves.indices)
        self.membersOf = membersOf
        let shown = Set(pattern.units)
        let outside = Set(pattern.units.map(\.school)).filter { !$0.isEmpty && !inside.contains($0) }.sorted()
        let wave = Self.showsWave(tables, pattern) ? tables.units[.all] : nil
        // The wave's sums bind this group when no school outside it hides its own (true); in a block, they are
        // assumed known when schools inside and outside it hide theirs (false).
        let waveSums = columns.indices.map { column -> Bool? in
            guard wave != nil, pattern.distributions[column].contains(.all) else { return nil }
            let hides = schools.contains { !Self.publishesSums(column, school: $0, pattern) }
            if hiddenTiesOnly && !hides { return nil }
            if outside.allSatisfy({ Self.publishesSums(column, school: $0, pattern) }) { return true }
            return hides ? false : nil
        }
        // Per column with sums, the member lists of the units whose sums the program states: their leaves' sums
        // are stated per atom (``AuditModel+Sums.swift``).
        let publishing = columns.indices.map { column -> [[Int]]? in
            // (A histogram is stated only beside its unit's distribution, below.)
            let units = units.filter { pattern.distributions[column].contains($0) }.map { membersOf[$0]! }
            guard waveSums[column] != nil || !units.isEmpty else { return nil }
            return sumsPerLeaf ? leaves.indices.map { [$0] } : units
        }
        let model = AuditModel(
            leaves: leaves, columns: columns, policy: policy,
            atoms: AuditModel.atoms(leaves: leaves.count, publishing: publishing))
        self.model = model
        for unit in units {
            let counts = tables.units[unit]!, members = membersOf[unit]!
            for cell in DisclosureAudit.countCells(columns) where !pattern.isHidden(cell, of: unit) {
                model.publish(cell, members: members, value: DisclosureAudit.value(cell, counts), as: .count(unit, cell))
            }
            for column in columns.indices where pattern.distributions[column].contains(unit) {
                let sums = counts.scales[column].scores.accumulator
                model.publishSums(
                    column: column, members: members, sum: sums.sum, sumOfSquares: sums.sumOfSquares,
                    as: .distribution(unit, column))
                // Histograms are published in exchange files only, which hold school and grade units.
                if pattern.histograms[column].contains(unit), unit.level == .school || unit.level == .grade {
                    model.publishHistogram(
                        column: column, members: members, histogram: counts.scales[column].scores,
                        as: .distribution(unit, column))
                }
            }
        }
        var containers: [CohortUnit: [CohortUnit]] = [:]
        if let wave {
            // The wave's figures, less what the schools outside the group publish of them. In a block, a figure
            // that schools outside it hide too is assumed known for the block (the wave's less the other
            // schools' true values): more than a reader has, so not one the repair can withdraw.
            for cell in DisclosureAudit.countCells(columns) where !pattern.isHidden(cell, of: .all) {
                let real = outside.allSatisfy { Self.publishes(cell, school: $0, pattern, shown: shown) }
                let hides = schools.contains { !Self.publishes(cell, school: $0, pattern, shown: shown) }
                guard hides || (real && !hiddenTiesOnly) else { continue }
                let others = outside.reduce(0) { $0 + DisclosureAudit.value(cell, tables.units[Self.unit($1)]!) }
                model.publish(
                    cell, members: membersOf[.all]!, value: DisclosureAudit.value(cell, wave) - others,
                    as: real ? .count(.all, cell) : nil)
            }
            for column in columns.indices where waveSums[column] != nil {
                let total = wave.scales[column].scores.accumulator
                var sum = total.sum, sumOfSquares = total.sumOfSquares
                for school in outside {
                    let theirs = tables.units[Self.unit(school)]!.scales[column].scores.accumulator
                    sum -= theirs.sum
                    sumOfSquares -= theirs.sumOfSquares
                }
                model.publishSums(
                    column: column, members: membersOf[.all]!, sum: sum, sumOfSquares: sumOfSquares,
                    as: waveSums[column]! ? .distribution(.all, column) : nil)
            }
        }
        for school in schools {
            let mine = units.filter { $0.school == school }
            for unit in mine {
                let members = Set(membersOf[unit]!)
                containers[unit] =
                    (wave != nil ? [.all] : [])
                    + mine.filter { $0 != unit && members.isSubset(of: membersOf[$0]!) }
            }
        }
        self.containers = containers
    }

    /// The largest value `cell` of `unit` can have that a reader knows without any derivation: its n (or the
    /// screened count for a level), and the published count of any unit containing all of its students.
    func containment(_ cell: CohortCell, of unit: CohortUnit, tables: CohortTables, pattern: DisclosurePattern) -> Int {
        var upper = DisclosureAudit.upperLimit(cell, tables.units[unit]!)
        for other in containers[unit] ?? [] where !pattern.isHidden(cell, of: other) {
            guard let counts = tables.units[other] else { continue }
            upper = min(upper, DisclosureAudit.value(cell, counts))
        }
        return upper
    }

    /// The units whose students all belong to `unit`.
    func units(within unit: CohortUnit) -> [CohortUnit] {
        units.filter { containers[$0]?.contains(unit) ?? false }
    }

    static func unit(_ school: String) -> CohortUnit { CohortUnit(level: .school, school: school) }

    /// Whether the pattern shows the whole wave's figures.
    static func showsWave(_ tables: CohortTables, _ pattern: DisclosurePattern) -> Bool {
        tables.units[.all] != nil && pattern.units.contains(.all)
    }

    /// Whether `school` publishes its own `cell` (a school not shown publishes nothing).
    static func publishes(
        _ cell: CohortCell, school: String, _ pattern: DisclosurePattern, shown: Set<CohortUnit>
    ) -> Bool {
        let unit = unit(school)
        return shown.contains(unit) && !pattern.isHidden(cell, of: unit)
    }

    static func publishesSums(_ column: Int, school: String, _ pattern: DisclosurePattern) -> Bool {
        pattern.distributions[column].contains(unit(school))
    }
}
