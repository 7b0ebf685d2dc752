/// The sums of scores in ``AuditModel``, per **atom** of leaves rather than per leaf.
///
/// A band's sums enter the program only through published figures: a unit's distribution (its Σx and Σx² over
/// its leaves) and histogram (per band, its Σx and Σx², and the lowest and highest score present, bounding its
/// leaves' scores). Leaves that the same published distributions contain — an **atom** — are never told apart
/// by any of them, and a leaf's excess Σx − count·low lies in [0, count·width] on its own, tied to nothing but
/// its count. Over an atom these boxes add up exactly: the atom's excess lies in [0, width·Σ counts], and every
/// value in it is some split of excesses over its leaves (each box holds 0, and they add continuously). So one
/// excess column and one row per atom and band (and the same for the squares) state exactly what one per leaf
/// did, for every point of the leaves' whole-number counts — the program's counts, bounds and witnesses are the
/// same — with a fraction of the rows: a wave whose distributions are published by its schools and grades has
/// a handful of atoms per school where it had two leaves per class.
extension AuditModel {
    /// Adds the sum columns and rows of each column with `atoms` (per leaf, its atom: leaves in the same atom are
    /// in the same published distributions of the column).
    func addSums(_ counts: [CohortCounts], atoms: [[Int]?]) {
        for (index, column) in columns.enumerated() {
            guard let atomOfLeaf = atoms[index] else {
                atomOf.append([])
                atomLeaves.append([])
                firstSums.append([])
                secondSums.append([])
                firstShifts.append([])
                secondShifts.append([])
                continue
            }
            var leavesOf: [[Int]] = Array(repeating: [], count: (atomOfLeaf.max() ?? -1) + 1)
            for (leaf, atom) in atomOfLeaf.enumerated() { leavesOf[atom].append(leaf) }
            var ones: [[Int]] = [], twos: [[Int]] = [], oneShifts: [[Double]] = [], twoShifts: [[Double]] = []
            for leaves in leavesOf {
                let unbanded = leaves.contains { counts[$0].scales[index].unbanded > 0 }
                // The unbanded (scored outside every band) last, over the whole scale's range.
                let ranges = column.bands.map(\.scaledRange) + (unbanded ? [column.scaledRange] : [])
                var one: [Int] = [], two: [Int] = [], oneShift: [Double] = [], twoShift: [Double] = []
                for (band, range) in ranges.enumerated() {
                    let low = Double(range.lowerBound), high = Double(range.upperBound)
                    let squareLow = range.contains(0) ? 0 : min(low * low, high * high)
                    let squareHigh = max(low * low, high * high)
                    let cells = countTerms(leaves, column: index, band: band)
                    let n = leaves.reduce(0.0) { $0 + Double(counts[$1].scales[index].n) }
                    // count·low ≤ Σx ≤ count·high, and the same for the squares: over the excess Σx − count·low,
                    // a column ≥ 0, one row each (pivots cost by rows).
                    let first = program.addColumn(upper: (high - low) * n)
                    let second = program.addColumn(upper: (squareHigh - squareLow) * n)
                    program.addRow([(first, 1)] + cells.map { ($0, -(high - low)) }, lower: nil, upper: 0)
                    program.addRow(
                        [(second, 1)] + cells.map { ($0, -(squareHigh - squareLow)) }, lower: nil, upper: 0)
                    one.append(first)
                    two.append(second)
                    oneShift.append(low)
                    twoShift.append(squareLow)
                }
                ones.append(one)
                twos.append(two)
                oneShifts.append(oneShift)
                twoShifts.append(twoShift)
            }
            atomOf.append(atomOfLeaf)
            atomLeaves.append(leavesOf)
            firstSums.append(ones)
            secondSums.append(twos)
            firstShifts.append(oneShifts)
            secondShifts.append(twoShifts)
        }
    }

    /// The count columns of `band` of `column` in `leaves` (a leaf without unbanded scores has no unbanded band).
    private func countTerms(_ leaves: [Int], column: Int, band: Int) -> [Int] {
        leaves.compactMap { leaf in
            let cells = bandColumns[leaf][column]
            return band < cells.count ? cells[band] : nil
        }
    }

    /// The terms of an atom's sum (or sum of squares) of `column`'s scores in `band`: its excess column plus the
    /// band's count in each of its leaves times the shift.
    func sumTerms(atom: Int, column: Int, band: Int, squares: Bool) -> [(column: Int, coefficient: Double)] {
        let excess = squares ? secondSums[column][atom][band] : firstSums[column][atom][band]
        let shift = squares ? secondShifts[column][atom][band] : firstShifts[column][atom][band]
        return [(excess, 1)] + countTerms(atomLeaves[column][atom], column: column, band: band).map { ($0, shift) }
    }

    /// The atoms of `column` whose leaves make up `members` (a unit that publishes the column's sums, or the
    /// wave's part: by construction a union of atoms), in order.
    func atoms(of members: [Int], column: Int) -> [Int] {
        let atoms = Set(members.map { atomOf[column][$0] }).sorted()
        assert(atoms.reduce(0) { $0 + atomLeaves[column][$1].count } == Set(members).count, "members split an atom")
        return atoms
    }

    /// Per column, each leaf's atom: leaves contained by the same units of `publishing[column]` (each a list of
    /// leaf indices) share one, numbered in leaf order; nil where `publishing[column]` is nil (no sums).
    static func atoms(leaves: Int, publishing: [[[Int]]?]) -> [[Int]?] {
        publishing.map { units -> [Int]? in
            guard let units else { return nil }
            var key: [[Int]] = Array(repeating: [], count: leaves)
            for (unit, members) in units.enumerated() {
                for leaf in members { key[leaf].append(unit) }
            }
            var number: [[Int]: Int] = [:]
            return key.map { own in
                if let atom = number[own] { return atom }
                number[own] = number.count
                return number[own]!
            }
        }
    }
}
