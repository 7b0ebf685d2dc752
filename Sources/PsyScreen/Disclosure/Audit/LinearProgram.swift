import Foundation
import CGLPK

/// A linear program solved with GLPK: the only code that touches the C library. Columns and rows are numbered
/// from 0 here; bounds and coefficients are checked before they reach GLPK, which aborts the process on bad input.
///
/// Built once, then minimised and maximised for one objective after another: the simplex restarts from the last
/// optimal basis, so each extra objective costs a few pivots.
final class LinearProgram {
    private let problem: OpaquePointer
    private(set) var columnCount = 0
    private(set) var rowCount = 0
    private var integerColumns: [Int] = []
    private var objective: [Int] = []

    /// Whether GLPK keeps its environment per thread (built with thread-local storage, as Debian's libglpk40 is):
    /// only then may programs be solved on several threads at once, each created, solved and deleted on one
    /// thread (GLPK's memory accounting is the creating thread's).
    static var isThreadSafe: Bool { glp_config("TLS") != nil }

    init() {
        // GLPK allocates and frees megabytes per simplex run: kept in the process.
        _ = ProcessMemory.keepsFreedMemory
        glp_term_out(GLP_OFF)
        problem = glp_create_prob()
    }

    deinit { glp_delete_prob(problem) }

    /// Adds a column with `lower...upper` (upper nil: no upper bound); returns its index.
    func addColumn(lower: Double = 0, upper: Double? = nil, integer: Bool = false) -> Int {
        precondition(lower.isFinite && (upper.map { $0.isFinite && $0 >= lower } ?? true), "bad column bounds")
        last = nil
        let index = Int(glp_add_cols(problem, 1))
        if let upper {
            glp_set_col_bnds(problem, Int32(index), upper == lower ? GLP_FX : GLP_DB, lower, upper)
        } else {
            glp_set_col_bnds(problem, Int32(index), GLP_LO, lower, 0)
        }
        if integer {
            glp_set_col_kind(problem, Int32(index), GLP_IV)
            integerColumns.append(index - 1)
        }
        columnCount = index
        return index - 1
    }

    /// Adds `lower ≤ Σ coefficient·column ≤ upper` (nil: open on that side).
    @discardableResult
    func addRow(_ terms: [(column: Int, coefficient: Double)], lower: Double?, upper: Double?) -> Int {
        precondition(terms.allSatisfy { (0..<columnCount).contains($0.column) && $0.coefficient.isFinite })
        precondition(lower.map(\.isFinite) ?? true && upper.map(\.isFinite) ?? true)
        var merged: [Int: Double] = [:]
        for term in terms { merged[term.column, default: 0] += term.coefficient }
        let entries = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        last = nil
        let row = glp_add_rows(problem, 1)
        switch (lower, upper) {
        case let (low?, high?) where low == high: glp_set_row_bnds(problem, row, GLP_FX, low, high)
        case let (low?, high?): glp_set_row_bnds(problem, row, GLP_DB, low, max(low, high))
        case let (low?, nil): glp_set_row_bnds(problem, row, GLP_LO, low, 0)
        case let (nil, high?): glp_set_row_bnds(problem, row, GLP_UP, 0, high)
        case (nil, nil): glp_set_row_bnds(problem, row, GLP_FR, 0, 0)
        }
        // GLPK arrays are 1-based: element 0 is ignored.
        var indices: [Int32] = [0] + entries.map { Int32($0.key + 1) }
        var values: [Double] = [0] + entries.map(\.value)
        glp_set_mat_row(problem, row, Int32(entries.count), &indices, &values)
        rowCount = Int(row)
        return rowCount - 1
    }

    func relation(ofRow row: Int) -> Relation {
        precondition((0..<rowCount).contains(row))
        let index = Int32(row + 1)
        let length = Int(glp_get_mat_row(problem, index, nil, nil))
        var columns = [Int32](repeating: 0, count: length + 1), values = [Double](repeating: 0, count: length + 1)
        _ = glp_get_mat_row(problem, index, &columns, &values)
        let order = (1...max(1, length)).prefix(length).sorted { columns[$0] < columns[$1] }
        return Relation(
            columns: order.map { columns[$0] }, coefficients: order.map { values[$0] },
            lower: glp_get_row_lb(problem, index), upper: glp_get_row_ub(problem, index))
    }

    /// Drops a row's bounds: the relation no longer constrains anything (a figure no longer published).
    func freeRow(_ row: Int) {
        precondition((0..<rowCount).contains(row))
        last = nil
        glp_set_row_bnds(problem, Int32(row + 1), GLP_FR, 0, 0)
    }

    /// The dual value of `row` at the last LP optimum: how much the objective would gain per unit the row's bound
    /// moves; non-zero for rows that bind it.
    func dual(ofRow row: Int) -> Double {
        precondition((0..<rowCount).contains(row))
        return glp_get_row_dual(problem, Int32(row + 1))
    }

    /// Minimises (or maximises) Σ coefficient·column over the LP relaxation.
    func optimize(_ terms: [(column: Int, coefficient: Double)], maximize: Bool) -> Outcome {
        var merged: [Int: Double] = [:]
        for term in terms {
            precondition((0..<columnCount).contains(term.column) && term.coefficient.isFinite)
            merged[term.column, default: 0] += term.coefficient
        }
        // The same objective over the same program: the optimum (and its duals) is still the last one.
        if let last, last.maximize == maximize, last.objective == merged { return last.outcome }
        setObjective(merged, maximize: maximize)
        // After a new objective or a freed row the last basis is still primal feasible: the primal simplex
        // restarts from it.
        let outcome = resolve(method: GLP_PRIMAL)
        last = (merged, maximize, outcome)
        return outcome
    }

    /// The last ``optimize(_:maximize:)`` while the program and its optimum are unchanged since.
    private var last: (objective: [Int: Double], maximize: Bool, outcome: Outcome)?

    /// Simplex runs and their iterations so far, and time spent in them (for the audit's trace).
    private(set) var simplexRuns = 0
    private(set) var simplexTime = Duration.zero
    private var solvedOnce = false
    private(set) var dives = 0
    private(set) var diveSteps = 0
    private(set) var diveFailures = 0

    var iterations: Int { Int(glp_get_it_cnt(problem)) }

    private func resolve(method: Int32) -> Outcome {
        let clock = ContinuousClock.now
        defer {
            simplexRuns += 1
            simplexTime += ContinuousClock.now - clock
        }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.meth = method
        if !solvedOnce {
            // The first solve: a crash basis and the dual simplex (a third of the pivots of the primal).
            glp_adv_basis(problem, 0)
            parameters.meth = GLP_DUALP
            solvedOnce = true
        }
        var code = glp_simplex(problem, &parameters)
        if code != 0 {
            // A damaged basis (rare): start again from the standard one.
            glp_std_basis(problem)
            code = glp_simplex(problem, &parameters)
        }
        guard code == 0 else { return .failed }
        switch glp_get_status(problem) {
        case GLP_OPT: return .optimal(glp_get_obj_val(problem))
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        default: return .failed
        }
    }

    /// A whole-number point near the LP optimum of the last ``optimize(_:maximize:)``, by diving. First every
    /// block (a leaf's integer columns) that is whole already is fixed where it is, so that only the few blocks
    /// the optimum moved by fractions stay free; then, step by step, each fractional block's integer column
    /// closest to a whole number is bounded to its nearer side, all at once, and the LP solved again (dual
    /// simplex, from the last basis); if that is infeasible, only the one column closest to a whole number is
    /// bounded (to the farther side if the nearer is infeasible). Until every integer column is whole. If the fixed
    /// blocks leave no way, the dive starts again with every block free. Returns the point, or nil when a column
    /// fits neither side or `depth` steps pass; the bounds and the optimum's basis are restored either way.
    func dive(depth: Int, blocks: [[Int]]) -> [Double]? {
        last = nil
        dives += 1
        // The optimum's basis, restored afterwards: the next program (often the same objective again) restarts
        // from it rather than from wherever the dive ended.
        let basis = saveBasis()
        defer { restoreBasis(basis) }
        var leafOf = [Int](repeating: -1, count: columnCount)
        for (leaf, block) in blocks.enumerated() { for column in block { leafOf[column] = leaf } }
        if let point = dive(depth: depth, fixing: blocks, leafOf: leafOf) { return point }
        if case .optimal = resolve(method: GLP_PRIMAL), let point = dive(depth: depth, fixing: nil, leafOf: leafOf) {
            return point
        }
        diveFailures += 1
        return nil
    }

    private func saveBasis() -> Basis {
        Basis(
            rows: (0..<rowCount).map { glp_get_row_stat(problem, Int32($0 + 1)) },
            columns: (0..<columnCount).map { glp_get_col_stat(problem, Int32($0 + 1)) })
    }

    private func restoreBasis(_ basis: Basis) {
        guard basis.rows.count == rowCount, basis.columns.count == columnCount else { return }
        for (row, status) in basis.rows.enumerated() { glp_set_row_stat(problem, Int32(row + 1), status) }
        for (column, status) in basis.columns.enumerated() { glp_set_col_stat(problem, Int32(column + 1), status) }
    }

    private typealias Bounds = (column: Int32, type: Int32, lower: Double, upper: Double)

    private func dive(depth: Int, fixing blocks: [[Int]]?, leafOf: [Int]) -> [Double]? {
        var saved: [Bounds] = []
        defer {
            for bounds in saved.reversed() {
                glp_set_col_bnds(problem, bounds.column, bounds.type, bounds.lower, bounds.upper)
            }
        }
        func isWhole(_ column: Int) -> Bool {
            let value = glp_get_col_prim(problem, Int32(column + 1))
            return abs(value - value.rounded()) <= 1e-7
        }
        if let blocks {
            for block in blocks where block.allSatisfy(isWhole) {
                for column in block {
                    let index = Int32(column + 1), value = glp_get_col_prim(problem, index).rounded()
                    guard glp_get_col_type(problem, index) != GLP_FX else { continue }
                    saved.append(bounds(of: index))
                    glp_set_col_bnds(problem, index, GLP_FX, value, value)
                }
            }
            guard case .optimal = resolve(method: GLP_DUALP) else { return nil }
        }
        for _ in 0..<depth {
            diveSteps += 1
            // Per leaf, its fractional column closest to a whole number.
            var closest: [Int: (column: Int32, value: Double, distance: Double)] = [:]
            var choice: (column: Int32, value: Double, distance: Double)?
            for column in integerColumns {
                let index = Int32(column + 1), value = glp_get_col_prim(problem, index)
                let distance = abs(value - value.rounded())
                guard distance > 1e-7 else { continue }
                if choice.map({ distance < $0.distance }) ?? true { choice = (index, value, distance) }
                let leaf = leafOf[column]
                if leaf >= 0, closest[leaf].map({ distance < $0.distance }) ?? true {
                    closest[leaf] = (index, value, distance)
                }
            }
            guard let choice else { return solution() }
            // Leaves are tied only through published totals, which other columns can make up: rounding each
            // fractional leaf's closest column at once is mostly feasible, one re-solve instead of one per leaf.
            if closest.count > 1 {
                let batch = closest.values.sorted { ($0.distance, $0.column) < ($1.distance, $1.column) }
                let previous = batch.map { bounds(of: $0.column) }
                for (item, old) in zip(batch, previous) {
                    let down = item.value.rounded(.down), up = item.value.rounded(.up)
                    let roundDown = item.value - down < 0.5
                    let low = roundDown ? old.lower : up, high = roundDown ? down : old.upper
                    glp_set_col_bnds(problem, item.column, low == high ? GLP_FX : GLP_DB, low, high)
                }
                if case .optimal = resolve(method: GLP_DUALP) {
                    saved += previous
                    continue
                }
                for old in previous.reversed() {
                    glp_set_col_bnds(problem, old.column, old.type, old.lower, old.upper)
                }
            }
            let previous = bounds(of: choice.column)
            let down = choice.value.rounded(.down), up = choice.value.rounded(.up)
            var solved = false
            for roundDown in choice.value - down < 0.5 ? [true, false] : [false, true] {
                let low = roundDown ? previous.lower : up, high = roundDown ? down : previous.upper
                glp_set_col_bnds(problem, choice.column, low == high ? GLP_FX : GLP_DB, low, high)
                if case .optimal = resolve(method: GLP_DUALP) {
                    solved = true
                    break
                }
            }
            saved.append(previous)
            guard solved else { return nil }
        }
        return nil
    }

    private func bounds(of column: Int32) -> Bounds {
        (column, glp_get_col_type(problem, column), glp_get_col_lb(problem, column), glp_get_col_ub(problem, column))
    }

    /// The value of every column at the last LP optimum.
    func solution() -> [Double] {
        (0..<columnCount).map { glp_get_col_prim(problem, Int32($0 + 1)) }
    }

    /// True when every integer column of the last LP optimum is a whole number.
    var lastOptimumIsIntegral: Bool {
        integerColumns.allSatisfy { column in
            let value = glp_get_col_prim(problem, Int32(column + 1))
            return abs(value - value.rounded()) < 1e-7
        }
    }

    /// Searches the whole numbers in the integer columns (branch and bound, depth first) for the objective of the
    /// last ``optimize(_:maximize:)``, whose LP optimum must be current. Stops as soon as a whole-number point
    /// reaches `target` (≤ when minimising, ≥ when maximising), as soon as the bound proves none can, or after
    /// `nodes` subproblems: a node limit, not a time limit, so the outcome is the same on every machine.
    func searchIntegers(target: Double, maximize: Bool, nodes: Int) -> IntegerSearch {
        last = nil
        let root = glp_get_obj_val(problem)
        let state = SearchState(target: target, maximize: maximize, nodeLimit: nodes, bound: root)
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        // Cheap branching (Driebeck–Tomlin evaluates a tableau row per candidate) and depth first: whole-number
        // points early.
        parameters.br_tech = GLP_BR_MFV
        parameters.bt_tech = GLP_BT_DFS
        parameters.pp_tech = GLP_PP_NONE
        parameters.cb_info = Unmanaged.passUnretained(state).toOpaque()
        parameters.cb_func = { tree, info in
            guard let tree, let info else { return }
            let state = Unmanaged<SearchState>.fromOpaque(info).takeUnretainedValue()
            switch glp_ios_reason(tree) {
            case GLP_IBINGO:
                let value = glp_mip_obj_val(glp_ios_get_prob(tree))
                if state.maximize ? value >= state.target - 1e-6 : value <= state.target + 1e-6 {
                    state.reached = true
                    glp_ios_terminate(tree)
                }
            case GLP_ISELECT:
                state.visited += 1
                let best = glp_ios_best_node(tree)
                if best != 0 { state.bound = glp_ios_node_bound(tree, best) }
                let beyond = state.maximize ? state.bound < state.target - 1e-6 : state.bound > state.target + 1e-6
                if beyond { state.proved = true }
                if beyond || state.visited > state.nodeLimit { glp_ios_terminate(tree) }
            default: break
            }
        }
        let code = glp_intopt(problem, &parameters)
        let status = glp_mip_status(problem)
        let incumbent = status == GLP_OPT || status == GLP_FEAS ? glp_mip_obj_val(problem) : nil
        if code == 0 && status == GLP_OPT {
            return IntegerSearch(incumbent: incumbent, bound: incumbent!, stopped: false)
        }
        if code == 0 && status == GLP_NOFEAS {
            return IntegerSearch(incumbent: nil, bound: maximize ? -.infinity : .infinity, stopped: false)
        }
        // Stopped by the callback (a point reached the target, or the bound proved none can) or at the limit.
        let proved = state.proved || state.reached
        return IntegerSearch(incumbent: incumbent, bound: state.bound, stopped: !proved && code != 0)
    }

    /// The value of every column at the best whole-number point of the last ``searchIntegers(target:maximize:nodes:)``.
    func integerSolution() -> [Double] {
        (0..<columnCount).map { glp_mip_col_val(problem, Int32($0 + 1)) }
    }

    private func setObjective(_ merged: [Int: Double], maximize: Bool) {
        for column in objective { glp_set_obj_coef(problem, Int32(column + 1), 0) }
        objective = []
        for (column, coefficient) in merged {
            glp_set_obj_coef(problem, Int32(column + 1), coefficient)
            objective.append(column)
        }
        glp_set_obj_dir(problem, maximize ? GLP_MAX : GLP_MIN)
    }
}
