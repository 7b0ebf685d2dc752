import PsyScreen
import PsyScreenTestSupport

/// Builds suppression problems the way the report does: one family of categories over a unit tree, with the
/// partition `n = Σ categories` in every unit and the hierarchy `parent = Σ children` for `n` and each category.
struct UnitTable {
    typealias CellID = SuppressionProblem.CellID

    struct Category {
        var name: String
        var published = true
        var sensitive = true
    }

    /// A unit; a parent's counts are the sums of its children's.
    struct Node {
        var label: String
        var enrolment: Int?
        var counts: [Int]
        var children: [Node]

        static func leaf(_ label: String, enrolment: Int? = nil, _ counts: [Int]) -> Node {
            Node(label: label, enrolment: enrolment, counts: counts, children: [])
        }

        static func unit(_ label: String, enrolment: Int? = nil, _ children: [Node]) -> Node {
            let width = children.first?.counts.count ?? 0
            let counts = (0..<width).map { i in children.reduce(0) { $0 + $1.counts[i] } }
            return Node(label: label, enrolment: enrolment, counts: counts, children: children)
        }
    }

    let categories: [Category]
    private(set) var problem = SuppressionProblem()
    /// cell[unit label][category name or "n"]
    private(set) var cell: [String: [String: CellID]] = [:]
    private(set) var unitOfLabel: [String: SuppressionProblem.UnitID] = [:]

    init(categories: [Category], roots: [Node]) throws {
        self.categories = categories
        for root in roots { try add(root) }
    }

    init(categories: [String], roots: [Node]) throws {
        try self.init(categories: categories.map { Category(name: $0) }, roots: roots)
    }

    subscript(unit: String, category: String) -> CellID { cell[unit]![category]! }

    /// All cells of a unit.
    func cells(of unit: String) -> [CellID] { Array(cell[unit]!.values) }

    @discardableResult
    private mutating func add(_ node: Node) throws -> [CellID] {
        let n = node.counts.reduce(0, +)
        let unit = try problem.addUnit(node.label, enrolment: node.enrolment ?? n)
        unitOfLabel[node.label] = unit
        let nCell = try problem.addCell("\(node.label) n", value: n, unit: unit, sensitive: false)
        var row = [nCell]
        var named = ["n": nCell]
        for (category, value) in zip(categories, node.counts) {
            let id = try problem.addCell(
                "\(node.label) \(category.name)", value: value, unit: unit,
                published: category.published, sensitive: category.sensitive)
            row.append(id)
            named[category.name] = id
        }
        cell[node.label] = named
        try problem.addEquation(nCell, equals: Array(row.dropFirst()), kind: .partition)
        let childRows = try node.children.map { try add($0) }
        if !childRows.isEmpty {
            for column in row.indices {
                try problem.addEquation(row[column], equals: childRows.map { $0[column] }, kind: .hierarchy)
            }
        }
        return row
    }
}

/// A second, naive recoverability check for the property tests: dense integer matrices and ranks by Bareiss'
/// fraction-free elimination. Cell x is recoverable iff appending e_x to the equations restricted to the unknown
/// cells does not raise the rank.
enum NaiveRecoverability {
    static func recoverable(
        in problem: SuppressionProblem, hidden: Set<SuppressionProblem.CellID>
    ) -> Set<SuppressionProblem.CellID> {
        let unknown = problem.cellIDs.filter { hidden.contains($0) || !problem[$0].isPublished }
        let column = Dictionary(uniqueKeysWithValues: unknown.enumerated().map { ($1, $0) })
        let rows: [[Int]] = problem.equations.map { equation in
            var row = Array(repeating: 0, count: unknown.count)
            if let c = column[equation.total] { row[c] += 1 }
            for part in equation.parts { if let c = column[part] { row[c] -= 1 } }
            return row
        }
        let base = rank(rows)
        return Set(
            unknown.filter { cell in
                var unit = Array(repeating: 0, count: unknown.count)
                unit[column[cell]!] = 1
                return rank(rows + [unit]) == base
            })
    }

    static func rank(_ matrix: [[Int]]) -> Int {
        var m = matrix.filter { $0.contains { $0 != 0 } }
        guard let width = m.first?.count else { return 0 }
        var rank = 0
        var previousPivot = 1
        for col in 0..<width where rank < m.count {
            guard let p = (rank..<m.count).first(where: { m[$0][col] != 0 }) else { continue }
            m.swapAt(rank, p)
            for r in (rank + 1)..<m.count {
                for c in (col + 1)..<width {
                    m[r][c] = (m[rank][col] * m[r][c] - m[r][col] * m[rank][c]) / previousPivot
                }
                m[r][col] = 0
            }
            previousPivot = m[rank][col]
            rank += 1
        }
        return rank
    }
}
