/// Which figures of a wave a reader can add up to which: the nodes — every unit any output can show, and the
/// leaves (class × gender × major) — and, per node, the nodes it is the sum of.
///
/// With leaves (tables made from student records), a class is the sum of its leaves, a gender or major group of
/// a grade or school is the sum of its leaves, a grade the sum of its classes, a school of its grades and the
/// wave of its schools. So every relation between units is there, including those that are not a tree: a grade
/// is the sum of its gender groups, and a major taught in two classes is the sum of those two classes. Without
/// leaves (tables merged from exchange files) the relations are the tree and `unit = Σ its groups`.
///
/// The same structure carries every statistic that adds up: counts, and the sums of scores behind a mean.
package struct CohortStructure: Sendable {
    package enum Node: Hashable, Sendable, CustomStringConvertible {
        case unit(CohortUnit)
        case leaf(CohortLeaf)

        package var description: String {
            switch self {
            case .unit(let unit): unit.description
            case .leaf(let leaf): "\(leaf.school)/\(leaf.grade)/\(leaf.className) [\(leaf.gender), \(leaf.major)] (leaf)"
            }
        }

        package var unit: CohortUnit? {
            if case .unit(let unit) = self { return unit }
            return nil
        }
    }

    /// One relation: the node `total` is the sum of `parts` (indices into ``nodes``).
    package struct Sum: Sendable {
        package var total: Int
        package var parts: [Int]
    }

    package let nodes: [Node]
    /// Counts per node, parallel to ``nodes``.
    package let counts: [CohortCounts]
    package let sums: [Sum]
    package let indexOfUnit: [CohortUnit: Int]

    /// The units of `tables` that `universe` keeps (in output order), then the non-empty leaves.
    package init(_ tables: CohortTables, universe: [CohortUnit]) {
        var nodes = universe.map(Node.unit)
        var counts = universe.map { tables.units[$0]! }
        var indexOfUnit: [CohortUnit: Int] = [:]
        for (index, unit) in universe.enumerated() { indexOfUnit[unit] = index }
        var sums: [Sum] = []
        var partsOf: [Int: [Int]] = [:]
        let withLeaves = !tables.leaves.isEmpty

        if withLeaves {
            for (leaf, leafCounts) in tables.leaves.sorted(by: { $0.key < $1.key })
            where leafCounts.enrolled + leafCounts.screened + leafCounts.onLeave + leafCounts.onInternship > 0 {
                let index = nodes.count
                nodes.append(.leaf(leaf))
                counts.append(leafCounts)
                if let parent = indexOfUnit[leaf.classUnit] { partsOf[parent, default: []].append(index) }
                for attribute in CohortUnit.GroupAttribute.allCases {
                    let value = leaf.value(of: attribute)
                    for level in [CohortUnit.Level.grade, .school] {
                        let group = CohortUnit(
                            level: level, school: leaf.school, grade: level == .grade ? leaf.grade : "",
                            group: (attribute, value))
                        if let parent = indexOfUnit[group] { partsOf[parent, default: []].append(index) }
                    }
                }
            }
        }
        for (index, unit) in universe.enumerated() {
            if unit.isGroup {
                // Merged tables: a school's group is the sum of the same group of its grades, when every grade
                // breaks that attribute out.
                guard !withLeaves, unit.level == .school else { continue }
                let grades = universe.filter { $0.level == .grade && !$0.isGroup && $0.school == unit.school }
                let split = grades.map { grade in
                    universe.filter {
                        $0.level == .grade && $0.school == unit.school && $0.grade == grade.grade
                            && $0.groupAttribute == unit.groupAttribute
                    }
                }
                guard !grades.isEmpty, split.allSatisfy({ !$0.isEmpty }) else { continue }
                let parts = split.joined().filter { $0.groupValue == unit.groupValue }.compactMap { indexOfUnit[$0] }
                if !parts.isEmpty { partsOf[index, default: []] += parts }
                continue
            }
            // The nearest unit above in the universe.
            var ancestor = unit.parent
            while let candidate = ancestor, indexOfUnit[candidate] == nil { ancestor = candidate.parent }
            if let ancestor, let parent = indexOfUnit[ancestor] {
                // With leaves, a class is already the sum of its leaves; its grade is the sum of its classes.
                partsOf[parent, default: []].append(index)
            }
        }
        if !withLeaves {
            // unit = Σ its groups, per attribute.
            for (index, unit) in universe.enumerated() where !unit.isGroup {
                for attribute in CohortUnit.GroupAttribute.allCases {
                    let groups = universe.filter { $0.isGroup && $0.whole == unit && $0.groupAttribute == attribute }
                    guard !groups.isEmpty else { continue }
                    sums.append(Sum(total: index, parts: groups.compactMap { indexOfUnit[$0] }))
                }
            }
        }
        for (total, parts) in partsOf.sorted(by: { $0.key < $1.key }) { sums.append(Sum(total: total, parts: parts)) }
        self.nodes = nodes
        self.counts = counts
        self.sums = sums
        self.indexOfUnit = indexOfUnit
    }

    package var leafCount: Int { nodes.count - indexOfUnit.count }
}
