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

    enum Outcome: Equatable {
        case optimal(Double)
        case infeasible
        case unbounded
        case failed
    }

    init() {
        glp_term_out(GLP_OFF)
        problem = glp_create_prob()
    }

    deinit { glp_delete_prob(problem) }

    /// Adds a column with `lower...upper` (upper nil: no upper bound); returns its index.
    func addColumn(lower: Double = 0, upper: Double? = nil, integer: Bool = false) -> Int {
        precondition(lower.isFinite && (upper.map { $0.isFinite && $0 >= lower } ?? true), "bad column bounds")
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

    /// Drops a row's bounds: the relation no longer constrains anything (a figure no longer published).
    func freeRow(_ row: Int) {
        precondition((0..<rowCount).contains(row))
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
        setObjective(terms, maximize: maximize)
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        // After a new objective or a freed row the last basis is still primal feasible: the primal simplex
        // restarts from it.
        parameters.meth = GLP_PRIMAL
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

    /// The optimum over whole numbers in the integer columns, after ``optimize(_:maximize:)`` found the LP
    /// optimum for the same objective. Nil when the search did not finish within `milliseconds`.
    func optimizeIntegers(milliseconds: Int) -> Outcome? {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.tm_lim = Int32(milliseconds)
        let code = glp_intopt(problem, &parameters)
        switch glp_mip_status(problem) {
        case GLP_OPT where code == 0: return .optimal(glp_mip_obj_val(problem))
        case GLP_NOFEAS: return .infeasible
        default: return nil
        }
    }

    private func setObjective(_ terms: [(column: Int, coefficient: Double)], maximize: Bool) {
        for column in objective { glp_set_obj_coef(problem, Int32(column + 1), 0) }
        objective = []
        var merged: [Int: Double] = [:]
        for term in terms {
            precondition((0..<columnCount).contains(term.column) && term.coefficient.isFinite)
            merged[term.column, default: 0] += term.coefficient
        }
        for (column, coefficient) in merged {
            glp_set_obj_coef(problem, Int32(column + 1), coefficient)
            objective.append(column)
        }
        glp_set_obj_dir(problem, maximize ? GLP_MAX : GLP_MIN)
    }
}
