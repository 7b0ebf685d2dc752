/// The values ``LinearProgram`` hands out: no GLPK pointer in them.
extension LinearProgram {
    /// How a solve ended.
    enum Outcome: Equatable {
        case optimal(Double)
        case infeasible
        case unbounded
        case failed
    }

    /// What a row states: its terms (by column) and bounds.
    struct Relation: Hashable {
        var columns: [Int32]
        var coefficients: [Double]
        var lower: Double
        var upper: Double
    }

    /// What a search over whole numbers found for the last objective: the best whole-number point
    /// (``integerSolution()``), if any, and a bound no whole-number point beats.
    struct IntegerSearch {
        var incumbent: Double?
        var bound: Double
        /// The search stopped at its node limit: `bound` is the best proved so far.
        var stopped: Bool
    }

    /// The status (basic, at a bound) of every row and column: a simplex restarts from it.
    struct Basis {
        var rows: [Int32]
        var columns: [Int32]
    }

    /// What the integer search's callback reads and records (GLPK passes it through a raw pointer).
    final class SearchState {
        let target: Double
        let maximize: Bool
        let nodeLimit: Int
        var bound: Double
        var visited = 0
        var reached = false
        var proved = false

        init(target: Double, maximize: Bool, nodeLimit: Int, bound: Double) {
            self.target = target
            self.maximize = maximize
            self.nodeLimit = nodeLimit
            self.bound = bound
        }
    }
}
