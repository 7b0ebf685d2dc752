/// The connected components of a problem's equation graph (cells linked by sharing an equation).
///
/// Suppression in one component cannot change what a reader learns in another, so each is solved on its own,
/// with a matrix only as large as the component.
struct EquationComponents {
    struct Component {
        /// Cells of the component, ascending.
        var cells: [SuppressionProblem.CellID]
        /// Indices into `problem.equations`.
        var equations: [Int]
    }

    var components: [Component]
    /// Position of each cell in its component's `cells` (its column), or −1 for a cell in no equation.
    var columnOfCell: [Int]
    /// Index into `components` for each cell, or −1.
    var componentOfCell: [Int]
    /// Equations each cell appears in.
    var equationsOfCell: [[Int]]

    init(_ problem: SuppressionProblem) {
        let cellCount = problem.cells.count
        var parent = Array(0..<cellCount)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        equationsOfCell = Array(repeating: [], count: cellCount)
        for (index, equation) in problem.equations.enumerated() {
            let total = equation.total.rawValue
            equationsOfCell[total].append(index)
            for part in equation.parts {
                equationsOfCell[part.rawValue].append(index)
                let (a, b) = (root(total), root(part.rawValue))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var indexOfRoot: [Int: Int] = [:]
        components = []
        columnOfCell = Array(repeating: -1, count: cellCount)
        componentOfCell = Array(repeating: -1, count: cellCount)
        for cell in 0..<cellCount where !equationsOfCell[cell].isEmpty {
            let r = root(cell)
            let index: Int
            if let known = indexOfRoot[r] {
                index = known
            } else {
                index = components.count
                indexOfRoot[r] = index
                components.append(Component(cells: [], equations: []))
            }
            columnOfCell[cell] = components[index].cells.count
            componentOfCell[cell] = index
            components[index].cells.append(SuppressionProblem.CellID(rawValue: cell))
        }
        for (index, equation) in problem.equations.enumerated() {
            components[componentOfCell[equation.total.rawValue]].equations.append(index)
        }
    }

    /// The elimination for one component, with no cell unknown yet.
    func elimination(
        for component: Component, in problem: SuppressionProblem, coefficientLimit: Int
    ) -> ExactElimination {
        let rows = component.equations.map { index in
            let equation = problem.equations[index]
            return [(column: columnOfCell[equation.total.rawValue], coefficient: 1)]
                + equation.parts.map { (column: columnOfCell[$0.rawValue], coefficient: -1) }
        }
        return ExactElimination(
            columnCount: component.cells.count, rows: rows, coefficientLimit: coefficientLimit)
    }
}

extension SuppressionProblem {
    /// The cells a reader can compute exactly when `hidden` and every unpublished cell are withheld and the
    /// rest is published: every unknown cell x for which e_x lies in the row space of the equations restricted
    /// to the unknown cells (exact integer elimination). Unpublished cells are included, so the caller decides
    /// which of them matter (a large `none` count may well be recoverable).
    ///
    /// Independent of ``CellSuppressor``: use it to check any suppression pattern. If the exact arithmetic
    /// overflowed (not seen with 0/±1 equations), every unknown cell of that component is reported.
    package func recoverableCells(hidden: Set<CellID>) -> [CellID] {
        let graph = EquationComponents(self)
        var recoverable: [CellID] = []
        for component in graph.components {
            let unknown = component.cells.filter { !self[$0].isPublished || hidden.contains($0) }
            guard !unknown.isEmpty else { continue }
            var elimination = graph.elimination(for: component, in: self, coefficientLimit: .max)
            do {
                for cell in unknown { try elimination.markUnknown(graph.columnOfCell[cell.rawValue]) }
                recoverable += unknown.filter { elimination.isRecoverable(graph.columnOfCell[$0.rawValue]) }
            } catch {
                recoverable += unknown
            }
        }
        return recoverable.sorted()
    }
}
