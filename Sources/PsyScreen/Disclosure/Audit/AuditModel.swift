import Foundation
/// The linear program of what a reader knows about one school's students: every output of the wave's
/// ``DisclosurePattern`` at once (all `--by` reports in every format, the exchange file, the coverage list).
///
/// Unknowns, per leaf (class × gender × major, whose screened count and n the reader knows): students per warning
/// level and per band of each scale (whole numbers); per band the sum and the sum of squares of its scores, per
/// **atom** of leaves that no published distribution tells apart (``AuditModel+Sums.swift``: exactly what one
/// per leaf would state, with a fraction of the rows). Relations: the levels add up to the screened count and the bands to n; a band's sums lie between its count
/// times its lowest and highest score (squared); the battery's policy ties levels to bands (a student in a
/// severe band is at least orange; an orange student, if orange comes from bands only, is in an orange band).
/// Published figures of every unit: its counts, and where its distribution is published its sum and sum of
/// squares (from mean and SD), and where its histogram is (exchange files) the sums of each band and the lowest
/// and highest score present in each band, which bound its leaves' scores.
final class AuditModel {
    let program = LinearProgram()
    let columns: [CohortColumn]
    /// Per leaf of the school: variable indices.
    private var levelColumns: [[Int]] = []
    private(set) var bandColumns: [[[Int]]] = []
    /// Per column, each leaf's **atom** (``addSums(_:atoms:)``); empty for a column without sums.
    var atomOf: [[Int]] = []
    /// Per column and atom: its leaves.
    var atomLeaves: [[[Int]]] = []
    /// Per column, atom and band (the unbanded last): the atom's sum (and sum of squares) of scores in the band
    /// over its count times the band's lowest score (square) — a column ≥ 0 — and that lowest score (square):
    /// Σx = excess + count·shift (``sumTerms(atom:column:band:squares:)``).
    var firstSums: [[[Int]]] = []
    var secondSums: [[[Int]]] = []
    var firstShifts: [[[Double]]] = []
    var secondShifts: [[[Double]]] = []
    let leaves: [CohortLeaf]

    /// A published figure, as the rows that state it.
    enum Figure: Hashable, Sendable {
        case count(CohortUnit, CohortCell)
        /// A unit's distribution of one column: its sums and histogram.
        case distribution(CohortUnit, Int)
    }

    private var rowsOfFigure: [Figure: [Int]] = [:]
    private var figureOfRow: [Int: Figure] = [:]

    /// Per row of a figure: its relation (terms and bounds), which tells figures that state the same apart.
    private var relationOfRow: [Int: LinearProgram.Relation] = [:]
    private var figuresOfRelation: [LinearProgram.Relation: Set<Figure>] = [:]

    func record(_ row: Int, _ figure: Figure?) {
        guard let figure else { return }
        rowsOfFigure[figure, default: []].append(row)
        figureOfRow[row] = figure
        let relation = program.relation(ofRow: row)
        relationOfRow[row] = relation
        figuresOfRelation[relation, default: []].insert(figure)
    }

    /// The other published figures that state exactly what `figure` states (a school's count and the wave's
    /// when the wave is that school; a grade's and its only class's): withdrawing `figure` alone frees nothing.
    func twins(of figure: Figure) -> [Figure] {
        guard let rows = rowsOfFigure[figure] else { return [] }
        let relations = Set(rows.map { relationOfRow[$0]! })
        let candidates = figuresOfRelation[relationOfRow[rows[0]]!] ?? []
        return candidates.filter { other in
            guard other != figure, let theirs = rowsOfFigure[other] else { return false }
            return Set(theirs.map { relationOfRow[$0]! }) == relations
        }.sorted { "\($0)" < "\($1)" }
    }

    /// How many times the program has changed since it was built: what was found about it before holds until then.
    private(set) var revision = 0

    /// Stops publishing `figure`: its rows no longer constrain anything.
    func withdraw(_ figure: Figure) {
        guard let rows = rowsOfFigure.removeValue(forKey: figure) else { return }
        revision += 1
        for row in rows {
            program.freeRow(row)
            figureOfRow[row] = nil
        }
    }

    /// The published figures that bind the last LP optimum (non-zero dual: withdrawing one widens it), each with
    /// the largest |dual| of its rows.
    func bindingDuals() -> [Figure: Double] {
        var figures: [Figure: Double] = [:]
        for (row, figure) in figureOfRow {
            // Rounded, so that the last bits of the arithmetic never decide between two figures.
            let dual = (abs(program.dual(ofRow: row)) * 1e6).rounded() / 1e6
            if dual > 0 { figures[figure] = max(figures[figure] ?? 0, dual) }
        }
        return figures
    }

    /// `atoms`, per column: each leaf's atom (``addSums(_:atoms:)``), nil for a column whose sums no published
    /// figure states.
    init(
        leaves: [(CohortLeaf, CohortCounts)], columns: [CohortColumn], policy: WarningPolicy?, atoms: [[Int]?]
    ) {
        self.columns = columns
        self.leaves = leaves.map(\.0)
        let levelsOf = policy.map { Self.bandLevels($0, columns: columns) }
        for (_, counts) in leaves {
            let screened = Double(counts.screened)
            let levels = CohortCounts.levelOrder.map { _ in program.addColumn(upper: screened, integer: true) }
            program.addRow(levels.map { ($0, 1) }, lower: screened, upper: screened)
            var bands: [[Int]] = []
            for (index, column) in columns.enumerated() {
                let n = Double(counts.scales[index].n)
                // The unbanded (scored outside every band) last.
                let ranges = column.bands.count + (counts.scales[index].unbanded > 0 ? 1 : 0)
                let cells = (0..<ranges).map { _ in program.addColumn(upper: n, integer: true) }
                program.addRow(cells.map { ($0, 1) }, lower: n, upper: n)
                bands.append(cells)
            }
            if let policy, let levelsOf { addPolicy(policy, levels: levels, bands: bands, levelsOf: levelsOf) }
            levelColumns.append(levels)
            bandColumns.append(bands)
        }
        addSums(leaves.map(\.1), atoms: atoms)
    }

    /// The variables whose sum is `cell` of the leaves `members` (indices into ``leaves``).
    func terms(_ cell: CohortCell, members: [Int]) -> [(column: Int, coefficient: Double)] {
        members.compactMap { leaf -> Int? in
            switch cell {
            case .level(let level): levelColumns[leaf][CohortCounts.levelOrder.firstIndex(of: level)!]
            case .band(let column, let band): bandColumns[leaf][column][band]
            case .screened, .n: nil
            }
        }.map { ($0, 1) }
    }

    // MARK: Witnesses

    /// Counts whose values are kept at every whole-number point found (``track(_:value:)``). Each such point —
    /// an LP optimum whose integer columns are whole, or a point of an integer search — is consistent with
    /// everything published: a **witness** that a reader cannot exclude the values it gives. The true data is
    /// one, so a count starts at its true value. Withdrawing a figure only frees rows, so witnesses stay valid.
    private var tracked: [[(column: Int, coefficient: Double)]] = []
    private(set) var seenLow: [Int] = []
    private(set) var seenHigh: [Int] = []
    /// Subproblems an integer search may visit before the audit calls a side undecided (and so not protected).
    static let nodeLimit = 400
    /// Integer columns a dive may bound before it gives up.
    static let diveDepth = 300
    /// Per leaf: its integer columns (a dive fixes the leaves an optimum left whole).
    private var blocks: [[Int]] { zip(levelColumns, bandColumns).map { $0 + $1.flatMap { $0 } } }

    /// Starts keeping the values of the count `terms` (true value `value`) at witnesses; returns its index. A
    /// count tracked before under the same terms (a school's count and the wave's part of it, when the group is
    /// that school) starts from what the witnesses found so far gave it: the same sum at the same points.
    func track(_ terms: [(column: Int, coefficient: Double)], value: Int) -> Int {
        let key = TermsKey(terms)
        if let same = trackedIndex[key] {
            tracked.append(terms)
            seenLow.append(seenLow[same])
            seenHigh.append(seenHigh[same])
            relaxedLow.append(relaxedLow[same])
            relaxedHigh.append(relaxedHigh[same])
            return tracked.count - 1
        }
        tracked.append(terms)
        seenLow.append(value)
        seenHigh.append(value)
        relaxedLow.append(Double(value))
        relaxedHigh.append(Double(value))
        trackedIndex[key] = tracked.count - 1
        return tracked.count - 1
    }

    /// The terms of a tracked count, in column order.
    private struct TermsKey: Hashable {
        var columns: [Int]
        var coefficients: [Double]

        init(_ terms: [(column: Int, coefficient: Double)]) {
            let sorted = terms.sorted { ($0.column, $0.coefficient) < ($1.column, $1.coefficient) }
            columns = sorted.map(\.column)
            coefficients = sorted.map(\.coefficient)
        }
    }

    private var trackedIndex: [TermsKey: Int] = [:]

    /// The same, at every LP optimum, whole or not: what the relaxation allows, which guides the repair
    /// (``reachRelaxed(_:target:maximize:report:)``) and proves nothing.
    private var relaxedLow: [Double] = []
    private var relaxedHigh: [Double] = []

    private func observeRelaxed() {
        let point = program.solution()
        for (index, terms) in tracked.enumerated() {
            let value = terms.reduce(0) { $0 + $1.coefficient * point[$1.column] }
            relaxedLow[index] = min(relaxedLow[index], value)
            relaxedHigh[index] = max(relaxedHigh[index], value)
        }
    }

    /// Whether the LP relaxation takes tracked count `index` to `target`: the repair's first, cheap pass.
    func reachRelaxed(_ index: Int, target: Int, maximize: Bool, report: inout AuditReport) -> Verdict {
        let seen = maximize ? relaxedHigh[index] : relaxedLow[index]
        if maximize ? seen >= Double(target) - 1e-6 : seen <= Double(target) + 1e-6 { return .reached(target) }
        report.linearPrograms += 1
        guard case .optimal(let value) = program.optimize(tracked[index], maximize: maximize) else {
            return .undecided(target)
        }
        observeRelaxed()
        let bound = Self.whole(value, maximize: maximize)
        return (maximize ? bound < target : bound > target) ? .short(bound) : .reached(bound)
    }

    /// ``sweep(_:maximize:report:)`` for the relaxation.
    func sweepRelaxed(_ indices: [Int], maximize: Bool, report: inout AuditReport) {
        guard !indices.isEmpty else { return }
        report.linearPrograms += 1
        guard case .optimal = program.optimize(indices.flatMap { tracked[$0] }, maximize: maximize) else { return }
        observeRelaxed()
    }

    func relaxedReaches(_ index: Int, _ target: Int, maximize: Bool) -> Bool {
        maximize ? relaxedHigh[index] >= Double(target) - 1e-6 : relaxedLow[index] <= Double(target) + 1e-6
    }

    func terms(ofTracked index: Int) -> [(column: Int, coefficient: Double)] { tracked[index] }

    private func witness(_ point: [Double]) {
        for (index, terms) in tracked.enumerated() {
            let value = Int(terms.reduce(0) { $0 + $1.coefficient * point[$1.column] }.rounded())
            if value < seenLow[index] { seenLow[index] = value }
            if value > seenHigh[index] { seenHigh[index] = value }
            relaxedLow[index] = min(relaxedLow[index], Double(value))
            relaxedHigh[index] = max(relaxedHigh[index], Double(value))
        }
    }

    /// Whether a whole-number point consistent with everything published takes tracked count `index` to
    /// `target` (≤ when minimising, ≥ when maximising). Witnesses found so far first; then the LP relaxation, which
    /// decides when its bound misses the target (whole numbers can only do worse) or its optimum is whole; only
    /// then a search over whole numbers, stopped as soon as it decides.
    ///
    /// Without `search`, a side the dive does not reach is undecided at once (the repair withdraws one more
    /// figure rather than search). `nodes` bounds the search (the audit's second look at an undecided side
    /// allows more).
    func reach(
        _ index: Int, target: Int, maximize: Bool, search: Bool = true, nodes: Int = nodeLimit, report: inout AuditReport
    ) -> Verdict {
        func seen() -> Int { maximize ? seenHigh[index] : seenLow[index] }
        func reached() -> Bool { maximize ? seen() >= target : seen() <= target }
        if reached() { return .reached(seen()) }
        report.linearPrograms += 1
        guard case .optimal(let value) = program.optimize(tracked[index], maximize: maximize) else {
            return .undecided(seen())
        }
        let bound = Self.whole(value, maximize: maximize)
        if maximize ? bound < target : bound > target { return .short(bound) }
        if program.lastOptimumIsIntegral {
            witness(program.solution())
            if reached() { return .reached(seen()) }
        } else if let point = program.dive(depth: Self.diveDepth, blocks: blocks) {
            witness(point)
            if reached() { return .reached(seen()) }
        }
        guard search else { return .undecided(seen()) }
        // The search starts from the LP optimum, which the dive left.
        _ = program.optimize(tracked[index], maximize: maximize)
        report.integerPrograms += 1
        let result = program.searchIntegers(target: Double(target), maximize: maximize, nodes: nodes)
        if result.incumbent != nil { witness(program.integerSolution()) }
        if reached() { return .reached(seen()) }
        return result.stopped ? .undecided(seen()) : .short(Self.whole(result.bound, maximize: maximize))
    }

    /// The smallest (or largest) value of tracked count `index`: the furthest witness, and a bound no
    /// whole-number point passes (equal when the search finished).
    func extreme(_ index: Int, maximize: Bool, report: inout AuditReport) -> (witness: Int, bound: Int) {
        func seen() -> Int { maximize ? seenHigh[index] : seenLow[index] }
        report.linearPrograms += 1
        guard case .optimal(let value) = program.optimize(tracked[index], maximize: maximize) else {
            return (seen(), maximize ? 1 << 40 : -(1 << 40))
        }
        let bound = Self.whole(value, maximize: maximize)
        if program.lastOptimumIsIntegral {
            witness(program.solution())
            return (seen(), bound)
        }
        if let point = program.dive(depth: Self.diveDepth, blocks: blocks) { witness(point) }
        if seen() == bound { return (bound, bound) }
        _ = program.optimize(tracked[index], maximize: maximize)
        report.integerPrograms += 1
        let search = program.searchIntegers(target: Double(bound), maximize: maximize, nodes: Self.nodeLimit)
        if search.incumbent != nil { witness(program.integerSolution()) }
        if seen() == bound { return (bound, bound) }
        return (seen(), search.stopped ? bound : Self.whole(search.bound, maximize: maximize))
    }

    /// Finds witnesses for many counts at once: one program for the sum of `indices` (all minimised or all
    /// maximised), and its whole-number point. Counts of one kind (every hidden red count, say) move together,
    /// so one optimum often takes dozens of them to their extremes.
    func sweep(_ indices: [Int], maximize: Bool, report: inout AuditReport) {
        guard !indices.isEmpty else { return }
        report.linearPrograms += 1
        guard case .optimal = program.optimize(indices.flatMap { tracked[$0] }, maximize: maximize) else { return }
        if program.lastOptimumIsIntegral {
            witness(program.solution())
            return
        }
        // Any whole-number point is a witness: one near the optimum.
        if let point = program.dive(depth: Self.diveDepth, blocks: blocks) { witness(point) }
    }

    /// The whole-number bound implied by an LP bound (counts are whole).
    static func whole(_ value: Double, maximize: Bool) -> Int {
        let limit = Double(1 << 40)
        return Int(min(limit, max(-limit, maximize ? (value + 1e-6).rounded(.down) : (value - 1e-6).rounded(.up))))
    }
}
