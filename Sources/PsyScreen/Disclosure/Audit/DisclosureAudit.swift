import Foundation

/// Proves a wave's ``DisclosurePattern`` against a determined reader who holds every output of the wave: no
/// hidden count is pinned, and each can take every value of its protection interval's ends — ``protection``
/// either side of the true value, within 0 and the published count of the smallest larger group containing it
/// (a class's n; its grade's count of the same band) — at some whole-number point consistent with everything
/// published (``AuditModel``).
///
/// The whole wave is one program a reader could solve; it splits exactly into independent programs, one per
/// group of schools tied by the wave's published figures (``AuditComponent``), so a district of schools that
/// publish their own totals is as many programs as schools. A side passes only on a **witness** — a
/// whole-number point, from an LP optimum that is whole or an integer search — and fails when the LP bound (or
/// the search's bound) proves no whole-number point reaches it; a search stopped at its node limit leaves the
/// side undecided, which counts as not protected.
package struct DisclosureAudit: Sendable {
    package var threshold: MinimumCellSize
    /// The battery's policy, when the wave has one battery: ties levels to bands.
    package var policy: WarningPolicy?
    /// Threads the repair solves one round's blocks on (one when GLPK keeps global state); the pattern is the
    /// same on any number.
    package var threads = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
    /// Whether a block cut from a larger group asks each count's school program first (``SchoolPrograms``) in
    /// the repair's whole-number pass and the final audit; tests turn it off to compare with the block's program
    /// alone. `schoolFirstLPPass` does so in the repair's LP pass too: faster, but not the same pattern (the
    /// figures withdrawn depend on the LP optima the block's program passes through).
    package var schoolFirst = true
    package var schoolFirstLPPass = false
    /// Subproblems the audit's integer search of one side may visit before it leaves the side undecided, and
    /// those of its second look at such a side (tests set them low to make sides undecided).
    package var searchNodes = AuditModel.nodeLimit
    package var deeperSearchNodes = DisclosureAudit.deepNodeLimit

    package init(threshold: MinimumCellSize, policy: WarningPolicy?) {
        self.threshold = threshold
        self.policy = policy
    }

    /// Half the protection interval's width: ⌈k/2⌉.
    package var protection: Int { (threshold.k + 1) / 2 }

    /// The audit of `pattern`. `asOneProgram` solves the whole wave as one program instead of one per group of
    /// schools: the reference the split is tested against (it finds the same), slow for a district.
    package func audit(_ tables: CohortTables, pattern: DisclosurePattern, asOneProgram: Bool = false) -> AuditReport {
        var cache: [String: BlockAudit] = [:]
        return audit(tables, pattern, programs: programs(tables, pattern, asOneProgram: asOneProgram), cache: &cache)
            .report
    }

    /// The schools of each program the audit solves: the blocks, or all of them as one.
    func programs(_ tables: CohortTables, _ pattern: DisclosurePattern, asOneProgram: Bool = false) -> [[String]] {
        let groups = asOneProgram ? AuditComponent.groups(tables, pattern) : blocks(tables, pattern)
        return asOneProgram && !groups.isEmpty ? [groups.flatMap { $0 }.sorted()] : groups
    }

    /// The audit of `pattern` over `programs`, each block on the thread that audits it (``BlockAudit``), up to
    /// ``threads`` at once; a block whose program `cache` already holds (``blockKey(_:_:)``) is not solved again.
    /// The wave's hidden counts then come from the blocks' parts alone.
    func audit(
        _ tables: CohortTables, _ pattern: DisclosurePattern, programs: [[String]], cache: inout [String: BlockAudit]
    ) -> (report: AuditReport, blocks: [BlockAudit]) {
        let clock = ContinuousClock.now
        let waveCells = waveHidden(tables, pattern)
        let keys = programs.map { Self.blockKey($0, pattern) }
        let pending = keys.indices.filter { cache[keys[$0]] == nil }
        let threads = LinearProgram.isThreadSafe ? max(1, min(threads, pending.count)) : 1
        // Blocks cut from a larger group (not a group, nor every school as one program).
        let groups = AuditComponent.groups(tables, pattern).map(Set.init)
        let found = Parallel.map(pending.map { programs[$0] }, threads: threads) { schools in
            let cut = groups.contains { $0.isStrictSuperset(of: schools) }
            return auditBlock(schools, tables, pattern, waveCells: waveCells, cut: cut)
        }
        for (index, block) in zip(pending, found) { cache[keys[index]] = block }
        let blocks = keys.map { cache[$0]! }
        var report = AuditReport(intervals: [], exemptZeros: 0)
        for block in blocks {
            report.intervals += block.intervals
            report.exemptZeros += block.exemptZeros
            report.linearPrograms += block.linearPrograms
            report.integerPrograms += block.integerPrograms
        }
        for cell in waveCells { report.intervals.append(waveInterval(cell, blocks, tables)) }
        report.exemptZeros += waveHidden(tables, pattern, exempt: true).count
        if ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] != nil {
            let line =
                "audit: \(pending.count) of \(programs.count) blocks solved on \(threads) threads, "
                + "\(waveCells.count) wave counts from their parts, \(ContinuousClock.now - clock)\n"
            FileHandle.standardError.write(Data(line.utf8))
            for interval in report.violations {
                let line =
                    "audit: not protected: \(interval.unit) \(interval.cellName) = \(interval.value), "
                    + "\(interval.low)…\(interval.high), needs \(interval.required)\(interval.relaxed ? " (undecided)" : "")\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        return (report, blocks)
    }

    /// The groups of schools a reader has to solve together (``AuditComponent/groups(_:_:)``).
    package func groups(_ tables: CohortTables, _ pattern: DisclosurePattern) -> [[String]] {
        AuditComponent.groups(tables, pattern)
    }

    /// The schools solved together, per program: the groups, large ones in blocks
    /// (``AuditComponent/blocks(_:_:protection:)``).
    package func blocks(_ tables: CohortTables, _ pattern: DisclosurePattern) -> [[String]] {
        AuditComponent.blocks(tables, pattern, protection: protection)
    }

    /// A hidden count of a component, tracked in its model.
    struct HiddenCount {
        var unit: CohortUnit
        var cell: CohortCell
        var value: Int
        var upper: Int
        var index: Int
    }

    func required(_ count: HiddenCount) -> ClosedRange<Int> {
        max(0, count.value - protection)...min(count.upper, count.value + protection)
    }

    /// The hidden counts of a component's units, tracked; zeros that a containing group's published zero
    /// gives are counted apart.
    func track(
        _ component: AuditComponent, _ tables: CohortTables, _ pattern: DisclosurePattern, report: inout AuditReport
    ) -> [HiddenCount] {
        var hidden: [HiddenCount] = []
        for unit in component.units {
            for cell in Self.countCells(tables.columns) where pattern.isHidden(cell, of: unit) {
                guard let count = track(unit, cell, component, tables, pattern) else {
                    report.exemptZeros += 1
                    continue
                }
                hidden.append(count)
            }
        }
        return hidden
    }

    func track(
        _ unit: CohortUnit, _ cell: CohortCell, _ component: AuditComponent, _ tables: CohortTables,
        _ pattern: DisclosurePattern
    ) -> HiddenCount? {
        let upper = component.containment(cell, of: unit, tables: tables, pattern: pattern)
        guard upper > 0 else { return nil }
        let value = Self.value(cell, tables.units[unit]!)
        let index = component.model.track(component.model.terms(cell, members: component.membersOf[unit]!), value: value)
        return HiddenCount(unit: unit, cell: cell, value: value, upper: upper, index: index)
    }

    /// Witnesses in bulk before counts are taken one by one: per kind of count (red, a band of a scale), one
    /// program pushing all of a component's hidden counts of that kind not yet shown to reach their protection
    /// down, and one pushing them up.
    func sweep(_ component: AuditComponent, _ hidden: [HiddenCount], relaxed: Bool = false, report: inout AuditReport) {
        let model = component.model
        for cell in Set(hidden.map(\.cell)).sorted(by: { $0.description < $1.description }) {
            let kind = hidden.filter { $0.cell == cell }
            for maximize in [false, true] {
                let pending = kind.filter { count in
                    let target = maximize ? required(count).upperBound : required(count).lowerBound
                    if relaxed { return !model.relaxedReaches(count.index, target, maximize: maximize) }
                    return maximize ? model.seenHigh[count.index] < target : model.seenLow[count.index] > target
                }
                guard pending.count > 1 else { continue }
                if relaxed {
                    model.sweepRelaxed(pending.map(\.index), maximize: maximize, report: &report)
                } else {
                    model.sweep(pending.map(\.index), maximize: maximize, report: &report)
                }
            }
        }
    }

    /// Whether `count` reaches the lower (or upper) end of its protection interval.
    func side(
        _ count: HiddenCount, of component: AuditComponent, maximize: Bool, search: Bool = true,
        relaxed: Bool = false, nodes: Int = AuditModel.nodeLimit, report: inout AuditReport
    ) -> AuditModel.Verdict {
        let required = required(count)
        if relaxed {
            return component.model.reachRelaxed(
                count.index, target: maximize ? required.upperBound : required.lowerBound, maximize: maximize,
                report: &report)
        }
        return component.model.reach(
            count.index, target: maximize ? required.upperBound : required.lowerBound, maximize: maximize,
            search: search, nodes: nodes, report: &report)
    }

    // MARK: The wave's own hidden counts

    /// The wave's hidden counts (or those a published zero of nothing larger exempts: none, the wave is the
    /// largest group, so only counts of an empty wave).
    func waveHidden(_ tables: CohortTables, _ pattern: DisclosurePattern, exempt: Bool = false) -> [CohortCell] {
        guard AuditComponent.showsWave(tables, pattern), let wave = tables.units[.all] else { return [] }
        return Self.countCells(tables.columns).filter { cell in
            pattern.isHidden(cell, of: .all) && (Self.upperLimit(cell, wave) == 0) == exempt
        }
    }

    /// A hidden count of the wave, tracked as one part per block.
    func waveCount(_ cell: CohortCell, tables: CohortTables, components: [AuditComponent]) -> WaveCount {
        let wave = tables.units[.all]!
        let schools = components.map { $0.schools.map { tables.units[AuditComponent.unit($0)]! } }
        let parts = zip(components, schools).map { component, schools in
            let value = schools.reduce(0) { $0 + Self.value(cell, $1) }
            let terms = component.model.terms(cell, members: component.membersOf[.all]!)
            return component.model.track(terms, value: value)
        }
        let hidden = HiddenCount(
            unit: .all, cell: cell, value: Self.value(cell, wave), upper: Self.upperLimit(cell, wave), index: -1)
        let limits = schools.map { $0.reduce(0) { $0 + Self.upperLimit(cell, $1) } }
        return WaveCount(hidden: hidden, parts: parts, limits: limits)
    }

    /// Whether the wave's hidden `count` reaches the lower (or upper) end of its protection interval: the parts'
    /// witnesses so far; else block by block, the most room first (a block whose extreme is known for its program
    /// as it is has none left), each block's extreme until the witnessed sum reaches the end. Only a side no
    /// witness reaches needs every block's bound: their sum proves it short (blocks are independent, so the sum is
    /// exact).
    func waveSide(
        _ count: inout WaveCount, _ components: [AuditComponent], maximize: Bool, report: inout AuditReport
    ) -> AuditModel.Verdict {
        let target = maximize ? required(count.hidden).upperBound : required(count.hidden).lowerBound
        func reached(_ value: Int) -> Bool { maximize ? value >= target : value <= target }
        func seen(_ block: Int) -> Int {
            let model = components[block].model, part = count.parts[block]
            return maximize ? model.seenHigh[part] : model.seenLow[part]
        }
        var witnessed = components.indices.reduce(0) { $0 + seen($1) }
        if reached(witnessed) { return .reached(witnessed) }
        let room = components.indices.map { maximize ? count.limits[$0] - seen($0) : seen($0) }
        let open = components.indices.filter { !count.knows($0, components[$0].model, maximize: maximize) }
        for block in open.sorted(by: { (room[$0], $1) > (room[$1], $0) }) {
            let before = seen(block)
            _ = count.extreme(block, components[block].model, maximize: maximize, report: &report)
            witnessed += seen(block) - before
            if reached(witnessed) { return .reached(witnessed) }
        }
        let bound = components.indices.reduce(0) {
            $0 + count.extreme($1, components[$1].model, maximize: maximize, report: &report).bound
        }
        return reached(bound) ? .undecided(witnessed) : .short(bound)
    }

    /// `PSYSCREEN_AUDIT_TRACE`: per wave count, the blocks whose extremes were found, the programs, dives and time.
    func traceWave(
        _ what: String, _ count: WaveCount, _ columns: [CohortColumn], _ components: [AuditComponent], _ report: AuditReport,
        since before: (lps: Int, searches: Int, dives: Int), _ clock: ContinuousClock.Instant, withdrawn: Int = 0
    ) {
        guard ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] != nil else { return }
        let dives = components.reduce(0) { $0 + $1.model.program.dives } - before.dives
        let line =
            "\(what) wave \(count.hidden.cell.name(columns)) = \(count.hidden.value) over \(components.count) blocks: "
            + "\(count.solved.extremes) extremes found, \(count.solved.bindings) binding LPs, "
            + "\(report.linearPrograms - before.lps) LPs, \(report.integerPrograms - before.searches) integer searches, "
            + "\(dives) dives, \(withdrawn) withdrawn, \(ContinuousClock.now - clock)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    // MARK: Shared

    func interval(
        _ count: HiddenCount, _ columns: [CohortColumn], low: AuditModel.Verdict, high: AuditModel.Verdict
    ) -> AuditReport.Interval {
        let undecided = [low, high].contains { if case .undecided = $0 { true } else { false } }
        return AuditReport.Interval(
            unit: count.unit, cell: count.cell, cellName: count.cell.name(columns), value: count.value,
            low: min(low.value, count.value), high: max(high.value, count.value), required: required(count),
            upperBound: count.upper, relaxed: undecided)
    }

    func trace(
        _ what: String, _ component: AuditComponent, _ counts: Int, _ report: AuditReport, since before: (Int, Int),
        _ clock: ContinuousClock.Instant, deeper: Int = 0
    ) {
        guard ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] != nil else { return }
        let program = component.model.program
        let line =
            "\(what) \(component.schools.count == 1 ? component.schools[0] : "\(component.schools.count) schools"): "
            + "\(counts) hidden counts, \(report.linearPrograms - before.0) LPs, "
            + "\(report.integerPrograms - before.1) integer searches, \(program.columnCount) columns, "
            + "\(program.rowCount) rows, \(program.simplexRuns) simplex runs (\(program.iterations) iterations, "
            + "\(program.simplexTime)), \(program.dives) dives (\(program.diveSteps) steps, \(program.diveFailures) failed), "
            + "\(deeper > 0 ? "\(deeper) sides searched deeper, " : "")\(ContinuousClock.now - clock)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Which figure to withdraw first: distributions by n (a unit that hides one more band count loses its
    /// distributions anyway, so a count withdrawn for a distribution's sake costs more), then non-zero counts by
    /// size, then zeros; ties by name, a total order, so the choice never depends on the order in which the solver
    /// lists the figures that bind. (Zeros or distributions weighed against counts by the students they speak of
    /// withdrew ten times as many zeros in the 3,300-student wave, each freeing little, and took three times the
    /// simplex iterations.)
    func cost(_ figure: AuditModel.Figure, _ tables: CohortTables) -> (Int, Int, String) {
        switch figure {
        case .count(let unit, let cell):
            let value = Self.value(cell, tables.units[unit]!)
            return (value > 0 ? 1 : 2, value, "\(unit)\(cell)")
        case .distribution(let unit, let column):
            return (0, tables.units[unit]!.scales[column].n, "\(unit)\(column)")
        }
    }

    /// The counts a pattern may hide that are about students' health: levels and bands.
    static func countCells(_ columns: [CohortColumn]) -> [CohortCell] {
        CohortCell.publishedLevels.map(CohortCell.level)
            + columns.indices.flatMap { column in columns[column].bands.indices.map { CohortCell.band(column, $0) } }
    }

    static func value(_ cell: CohortCell, _ counts: CohortCounts) -> Int {
        switch cell {
        case .screened: counts.screened
        case .n(let column): counts.scales[column].n
        case .band(let column, let band): counts.scales[column].bands[band]
        case .level(let level): counts.count(level)
        }
    }

    /// A count's largest possible value: its unit's n for a band, the screened count for a level.
    static func upperLimit(_ cell: CohortCell, _ counts: CohortCounts) -> Int {
        switch cell {
        case .band(let column, _): counts.scales[column].n
        default: counts.screened
        }
    }
}
