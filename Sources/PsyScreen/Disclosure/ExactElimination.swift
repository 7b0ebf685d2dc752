/// Exact Gaussian elimination that answers "which unknown cells does a reader pin down?", one unknown at a time.
///
/// Columns are the cells of one connected component, rows its equations (`total − Σ parts = 0`). A reader knows
/// the published cells, so a cell x is recoverable iff the unit vector e_x lies in the row space of the matrix
/// restricted to the unknown columns. The rows are kept in reduced echelon form with respect to the unknown
/// columns only: each unknown column either has a pivot row (and a zero everywhere else) or has no pivot; rows
/// without a pivot are zero on every unknown column. Then x is recoverable iff it has a pivot row whose only
/// unknown entry is x, and that row's entries on the known columns are the certificate: the published cells a
/// reader combines to get x. Each row keeps all its columns, known ones included, so declaring one more cell
/// unknown (a complement) updates the form in place instead of starting over.
///
/// Coefficients are integers; rows are divided by their gcd after each step. Overflow (or a coefficient above
/// `coefficientLimit`) throws, and the caller must then assume the worst.
struct ExactElimination {
    struct Overflow: Error {}

    private var columnsOfRow: [[Int]]  // sorted column indices
    private var coefficientsOfRow: [[Int]]  // parallel to columnsOfRow, never zero
    private var pivotOfRow: [Int]  // −1: no pivot
    private var pivotRowOfColumn: [Int]  // −1: no pivot
    private(set) var isUnknown: [Bool]
    private var unknownsInRow: [Int]
    private var rowsOfColumn: [[Int]]  // may hold stale rows and repeats; checked on use
    private var seen: [Int]
    private var seenStamp = 0
    private let coefficientLimit: Int

    /// `rows`: each equation as (column, coefficient) pairs with distinct columns.
    init(columnCount: Int, rows: [[(column: Int, coefficient: Int)]], coefficientLimit: Int = .max) {
        self.coefficientLimit = coefficientLimit
        columnsOfRow = []
        coefficientsOfRow = []
        rowsOfColumn = Array(repeating: [], count: columnCount)
        for (index, row) in rows.enumerated() {
            let sorted = row.filter { $0.coefficient != 0 }.sorted { $0.column < $1.column }
            columnsOfRow.append(sorted.map(\.column))
            coefficientsOfRow.append(sorted.map(\.coefficient))
            for entry in sorted { rowsOfColumn[entry.column].append(index) }
        }
        pivotOfRow = Array(repeating: -1, count: rows.count)
        pivotRowOfColumn = Array(repeating: -1, count: columnCount)
        isUnknown = Array(repeating: false, count: columnCount)
        unknownsInRow = Array(repeating: 0, count: rows.count)
        seen = Array(repeating: 0, count: rows.count)
    }

    /// True when the reader can compute the value of unknown column `column`.
    func isRecoverable(_ column: Int) -> Bool {
        guard isUnknown[column] else { return false }
        let row = pivotRowOfColumn[column]
        return row >= 0 && unknownsInRow[row] == 1
    }

    /// For a recoverable column: the known columns with a non-zero coefficient in the combination of equations
    /// that yields it.
    func certificate(of column: Int) -> [Int] {
        precondition(isRecoverable(column))
        return columnsOfRow[pivotRowOfColumn[column]].filter { !isUnknown[$0] }
    }

    /// Declares the value of `column` unknown to the reader (hidden or never published).
    mutating func markUnknown(_ column: Int) throws(Overflow) {
        guard !isUnknown[column] else { return }
        isUnknown[column] = true
        seenStamp += 1
        var holders: [Int] = []
        for row in rowsOfColumn[column] where seen[row] != seenStamp {
            seen[row] = seenStamp
            if coefficient(row: row, column: column) != 0 { holders.append(row) }
        }
        rowsOfColumn[column] = holders
        for row in holders { unknownsInRow[row] += 1 }

        // The shortest free row as pivot: it spreads the fewest new entries into the other rows.
        let free = holders.filter { pivotOfRow[$0] < 0 }
        guard let pivot = free.min(by: { (columnsOfRow[$0].count, $0) < (columnsOfRow[$1].count, $1) }) else {
            return  // no free row has this column: it stays a non-pivot unknown
        }
        pivotOfRow[pivot] = column
        pivotRowOfColumn[column] = pivot
        for row in holders where row != pivot { try eliminate(column, from: row, using: pivot) }
        rowsOfColumn[column] = [pivot]
    }

    private func coefficient(row: Int, column: Int) -> Int {
        let columns = columnsOfRow[row]
        var low = 0, high = columns.count
        while low < high {
            let mid = (low + high) / 2
            if columns[mid] < column { low = mid + 1 } else { high = mid }
        }
        return low < columns.count && columns[low] == column ? coefficientsOfRow[row][low] : 0
    }

    /// row ← a·row − b·pivotRow, with a and b chosen so that `column` cancels; then divide by the gcd.
    private mutating func eliminate(_ column: Int, from row: Int, using pivotRow: Int) throws(Overflow) {
        let p = coefficient(row: pivotRow, column: column)
        let r = coefficient(row: row, column: column)
        let g = Self.gcd(p, r)
        let a = p / g, b = r / g
        let leftColumns = columnsOfRow[row], leftCoefficients = coefficientsOfRow[row]
        let rightColumns = columnsOfRow[pivotRow], rightCoefficients = coefficientsOfRow[pivotRow]
        var columns: [Int] = [], coefficients: [Int] = []
        columns.reserveCapacity(leftColumns.count + rightColumns.count)
        coefficients.reserveCapacity(leftColumns.count + rightColumns.count)
        var unknowns = 0
        var divisor = 0
        var i = 0, j = 0
        while i < leftColumns.count || j < rightColumns.count {
            let c: Int, left: Int, right: Int
            if j == rightColumns.count || (i < leftColumns.count && leftColumns[i] < rightColumns[j]) {
                (c, left, right) = (leftColumns[i], leftCoefficients[i], 0)
                i += 1
            } else if i == leftColumns.count || rightColumns[j] < leftColumns[i] {
                (c, left, right) = (rightColumns[j], 0, rightCoefficients[j])
                j += 1
            } else {
                (c, left, right) = (leftColumns[i], leftCoefficients[i], rightCoefficients[j])
                i += 1
                j += 1
            }
            let value = try Self.combine(a, left, b, right)
            guard value != 0 else { continue }
            if left == 0 { rowsOfColumn[c].append(row) }  // new in this row
            columns.append(c)
            coefficients.append(value)
            if isUnknown[c] { unknowns += 1 }
            if divisor != 1 { divisor = Self.gcd(divisor, value) }
        }
        if divisor > 1 {
            for index in coefficients.indices { coefficients[index] /= divisor }
        }
        guard coefficients.allSatisfy({ abs($0) <= coefficientLimit }) else { throw Overflow() }
        columnsOfRow[row] = columns
        coefficientsOfRow[row] = coefficients
        unknownsInRow[row] = unknowns
    }

    /// a·x − b·y, refusing overflow (and Int.min, whose magnitude does not fit).
    private static func combine(_ a: Int, _ x: Int, _ b: Int, _ y: Int) throws(Overflow) -> Int {
        let (ax, o1) = a.multipliedReportingOverflow(by: x)
        let (by, o2) = b.multipliedReportingOverflow(by: y)
        let (value, o3) = ax.subtractingReportingOverflow(by)
        guard !o1, !o2, !o3, value != .min else { throw Overflow() }
        return value
    }

    static func gcd(_ x: Int, _ y: Int) -> Int {
        var (a, b) = (x.magnitude, y.magnitude)
        while b != 0 { (a, b) = (b, a % b) }
        return Int(a)
    }
}
