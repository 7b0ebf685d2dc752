/// Primary and complementary cell suppression (docs/report.md, "Disclosure control") over a ``SuppressionProblem``.
///
/// 1. **Forced**: every cell of a unit whose enrolment is below k (only the enrolment, not a cell, stays), and
///    every cell withheld by an earlier publication.
/// 2. **Primary**: sensitive counts of 1…k−1, and sensitive parts of a `.partition` whose remainder
///    (total − part) is 1…k−1, zeros included (so a unit whose total is small shows none of its parts); other
///    zeros are published. Unpublished cells that meet these rules are not hidden (they
///    are never shown) but must stay unrecoverable like the hidden ones.
/// 3. **Complementary**, greedy and exact: while some protected cell x is recoverable (the test of
///    ``SuppressionProblem/recoverableCells(hidden:)``), take the published cells that the reader combines to
///    compute x (the certificate the elimination yields) and hide the one with the smallest non-zero value —
///    sensitive counts before totals such as n — ties to the lowest ``SuppressionProblem/CellID``. The new
///    cell is protected in turn. Exposed cells are treated detail first (class counts, class n, grade counts,
///    grade n, …), so complements land in classes rather than in grade and school figures.
///
/// Why the certificate and not "any cell of an equation containing x": hiding a certificate cell is sure to break
/// the reader's derivation, and the certificate also offers the cells that close a rectangle (the same class's
/// other count), which keeps complements out of the margins; restricted to x's own equations, the greedy choice
/// walked along the grade row and ended up hiding grade totals.
///
/// **Termination.** Each round either hides a published cell that was not hidden, or sets aside an exposed
/// cell for good, so there are at most as many rounds as cells. A certificate always holds a non-zero published
/// cell unless x = 0 follows from published zeros alone (its value is then 0): that only happens to a zero cell
/// of a small unit, and it is reported in ``SuppressionResult/exposedZeros`` instead of hiding zeros. So "hide
/// the total when no candidate is left" is never needed.
///
/// The check is linear algebra: it finds every cell a reader can compute exactly, not the ranges that
/// non-negativity implies (a hidden pair summing to 12 bounds each to 0…12).
package struct CellSuppressor: Sendable {
    package typealias CellID = SuppressionProblem.CellID

    package var threshold: MinimumCellSize
    private let coefficientLimit: Int

    package init(threshold: MinimumCellSize = .standard) {
        self.threshold = threshold
        coefficientLimit = .max
    }

    /// Lets tests force the overflow fallback with a tiny coefficient limit.
    package init(threshold: MinimumCellSize, coefficientLimit: Int) {
        self.threshold = threshold
        self.coefficientLimit = coefficientLimit
    }

    package func suppress(_ problem: SuppressionProblem) -> SuppressionResult {
        var reasons: [CellID: SuppressionResult.Reason] = [:]
        var isProtected = primaryProtection(problem, reasons: &reasons)
        var exposedZeros: [CellID] = []
        var usedFallback = false

        let graph = EquationComponents(problem)
        let rank = exposureRanks(problem)
        for component in graph.components where component.cells.contains(where: { isProtected[$0.rawValue] }) {
            var elimination = graph.elimination(for: component, in: problem, coefficientLimit: coefficientLimit)
            var exempt: Set<CellID> = []
            do {
                // Detail before margins: a class cell pivots on its class's short equation, while a school or
                // wave total pivoting first would spread its long row into every equation below it.
                let unknown = component.cells.filter { !problem[$0].isPublished || reasons[$0] != nil }
                for cell in unknown.sorted(by: { rank[$0.rawValue] < rank[$1.rawValue] }) {
                    try elimination.markUnknown(graph.columnOfCell[cell.rawValue])
                }
                // Candidates by exposure rank. Hiding more never makes a cell recoverable that was not, so a
                // candidate found unrecoverable is dropped for good, and each round costs a heap step rather than
                // a scan of the component (which made a district of 20,000 classes take minutes).
                let order = component.cells.sorted { rank[$0.rawValue] < rank[$1.rawValue] }
                var positionOfColumn = Array(repeating: 0, count: component.cells.count)
                for (position, cell) in order.enumerated() { positionOfColumn[graph.columnOfCell[cell.rawValue]] = position }
                var candidates = PositionHeap(order.indices.filter { isProtected[order[$0].rawValue] })
                while let position = candidates.popMin() {
                    let exposed = order[position]
                    guard !exempt.contains(exposed), elimination.isRecoverable(graph.columnOfCell[exposed.rawValue])
                    else { continue }
                    let certificate = elimination.certificate(of: graph.columnOfCell[exposed.rawValue])
                        .map { component.cells[$0] }
                    guard let complement = smallestNonZero(certificate, in: problem) else {
                        exempt.insert(exposed)
                        continue
                    }
                    reasons[complement] = .complementary
                    isProtected[complement.rawValue] = true
                    try elimination.markUnknown(graph.columnOfCell[complement.rawValue])
                    candidates.push(positionOfColumn[graph.columnOfCell[complement.rawValue]])
                    candidates.push(position)  // another derivation may still reach it
                }
                exposedZeros += exempt
            } catch {
                // Never publish on doubt: with every non-zero published cell hidden, a certificate can only
                // combine zeros, so no non-zero cell can be computed.
                usedFallback = true
                for cell in component.cells
                where problem[cell].isPublished && problem[cell].value > 0 && reasons[cell] == nil {
                    reasons[cell] = .complementary
                    isProtected[cell.rawValue] = true
                }
            }
        }
        let protected = Set(problem.cellIDs.filter { isProtected[$0.rawValue] })
        return SuppressionResult(
            reasons: reasons, protected: protected, exposedZeros: exposedZeros.sorted(), usedFallback: usedFallback)
    }

    /// Forced and primary suppression. Fills `reasons` for published cells and returns, per cell, whether it must
    /// stay unrecoverable.
    private func primaryProtection(
        _ problem: SuppressionProblem, reasons: inout [CellID: SuppressionResult.Reason]
    ) -> [Bool] {
        var reasonOf: [SuppressionResult.Reason?] = Array(repeating: nil, count: problem.cells.count)
        for (index, cell) in problem.cells.enumerated() {
            if cell.isPublic { continue }
            if cell.isAlwaysProtected {
                reasonOf[index] = cell.isWithheld ? .withheld : .smallUnit
            } else if let unit = cell.unit, problem[unit].enrolment < threshold.k {
                reasonOf[index] = .smallUnit
            } else if cell.isWithheld, cell.isPublished {
                reasonOf[index] = .withheld
            } else if cell.isSensitive, threshold.isSmall(cell.value) {
                reasonOf[index] = .smallCount
            }
        }
        for equation in problem.equations where equation.kind == .partition {
            let total = problem[equation.total].value
            for part in equation.parts where reasonOf[part.rawValue] == nil {
                let cell = problem[part]
                if cell.isSensitive, !cell.isPublic, threshold.isSmallRemainder(part: cell.value, total: total) {
                    reasonOf[part.rawValue] = .smallRemainder
                }
            }
        }
        for (index, reason) in reasonOf.enumerated() where problem.cells[index].isPublished {
            if let reason { reasons[CellID(rawValue: index)] = reason }
        }
        return reasonOf.map { $0 != nil }
    }

    /// Which exposed cell to treat first: detail before margins (class counts, then class n, then grade
    /// counts, grade n, school…), since complements placed for the detail cells often cover their margin too,
    /// while starting from a margin pulls complements into other margins. Ties by id.
    private func exposureRanks(_ problem: SuppressionProblem) -> [Rank] {
        // Height in the hierarchy: 0 for cells that sum nothing, else one more than the highest part.
        var height = Array(repeating: 0, count: problem.cells.count)
        var isPartitionTotal = Array(repeating: false, count: problem.cells.count)
        let hierarchy = problem.equations.filter { $0.kind == .hierarchy }
        for equation in problem.equations where equation.kind == .partition {
            isPartitionTotal[equation.total.rawValue] = true
        }
        // Relaxation; the bound keeps a (malformed) cyclic hierarchy from looping.
        for _ in 0...hierarchy.count {
            var changed = false
            for equation in hierarchy {
                let candidate = 1 + equation.parts.map { height[$0.rawValue] }.max()!
                if candidate > height[equation.total.rawValue] {
                    height[equation.total.rawValue] = candidate
                    changed = true
                }
            }
            if !changed { break }
        }
        return problem.cells.indices.map {
            Rank(height: height[$0], isPartitionTotal: isPartitionTotal[$0], id: $0)
        }
    }

    private struct Rank: Comparable {
        var height: Int
        var isPartitionTotal: Bool
        var id: Int
        static func < (a: Rank, b: Rank) -> Bool {
            (a.height, a.isPartitionTotal ? 1 : 0, a.id) < (b.height, b.isPartitionTotal ? 1 : 0, b.id)
        }
    }

    /// The complement: the smallest non-zero cell, category counts before totals (a hidden n or screened count
    /// takes coverage, mean and SD of its unit with it, a hidden band count only itself), ties to the lowest id.
    /// Nil when all are zero.
    private func smallestNonZero(_ cells: [CellID], in problem: SuppressionProblem) -> CellID? {
        cells
            .filter { problem[$0].value > 0 && !problem[$0].isPublic }
            .min { a, b in
                (problem[a].isSensitive ? 0 : 1, problem[a].value, a.rawValue)
                    < (problem[b].isSensitive ? 0 : 1, problem[b].value, b.rawValue)
            }
    }
}

/// A binary min-heap of positions in the exposure order.
private struct PositionHeap {
    private var items: [Int]

    init(_ positions: [Int]) {
        items = positions.sorted()  // a sorted array is a valid heap
    }

    mutating func push(_ position: Int) {
        items.append(position)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMin() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, items[left] < items[smallest] { smallest = left }
                if right < items.count, items[right] < items[smallest] { smallest = right }
                guard smallest != parent else { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
