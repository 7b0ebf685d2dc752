import Foundation

extension DisclosureAudit {
    /// What the audit adds to a pattern so that it passes. Per group of schools (``AuditComponent``), each hidden
    /// count that does not reach an end of its protection interval gets one more published figure withdrawn —
    /// one that binds the LP optimum of that side (non-zero dual), the smallest non-zero count first, then a
    /// distribution, a zero last (``cost(_:_:)``) — until it does; a count withdrawn is checked in turn, and so are the counts
    /// it contained (their protection interval may now be wider). Withdrawing a figure only frees rows of the
    /// program, so every witness found stays one and a count once shown protected stays so.
    ///
    /// Withdrawing a school's figure can tie schools that were apart (two schools now hide what the wave
    /// publishes): groups are formed again after each round and a group not checked as it now is gets checked
    /// whole. The wave's own hidden counts are checked across the groups after each round. A block cut from a
    /// larger group whose LP pass withdrew anything leaves its whole-number pass to a later round (the cut it
    /// was made by rarely survives its withdrawals).
    ///
    /// Without `wholeNumbers`, blocks run their LP pass only: for a repair that another follows over the same
    /// counts and more (the distributions'), whose whole-number pass checks every count anyway.
    package func repair(
        _ tables: CohortTables, pattern: DisclosurePattern, wholeNumbers: Bool = true
    ) -> (hidden: [CohortUnit: Set<CohortCell>], withdrawn: [Set<CohortUnit>]) {
        var state = RepairState(pattern: pattern, columns: tables.columns.count)
        var settled: Set<[String]> = []
        traceGroups(tables, pattern)
        for _ in 0..<64 {
            // The wave's figures that no blocks of a few schools can share: withdrawn, then hidden counts of the
            // wave checked across the blocks (withdrawals in a school can tie schools anew, so each round).
            var unshared = AuditComponent.unshared(tables, state.pattern, protection: protection)
            for figure in unshared {
                state.withdraw(figure)
                traceWaveWithdrawal(figure, tables)
            }
            // And the wave's hidden bands that the other hidden bands of their scale cannot balance.
            let roomless = AuditComponent.roomless(tables, state.pattern, protection: protection)
            for figure in roomless {
                state.withdraw(figure)
                traceWaveWithdrawal(figure, tables)
            }
            unshared += roomless
            if !unshared.isEmpty { traceGroups(tables, state.pattern) }
            let pending = blocks(tables, state.pattern).filter { !settled.contains($0) }
            let whole = Set(AuditComponent.groups(tables, state.pattern))
            let repaired = repair(pending, whole: whole, wholeNumbers: wholeNumbers, tables, state.pattern)
            for (group, block) in zip(pending, repaired) {
                for figure in block.figures { state.withdraw(figure) }
                if block.settled { settled.insert(group) }
            }
            let groups = blocks(tables, state.pattern)
            let components = groups.map {
                AuditComponent(schools: $0, tables: tables, pattern: state.pattern, policy: policy)
            }
            let wave = repairWave(components, tables, &state)
            settled.subtract(wave.touched.map { groups[$0] })
            if !wave.withdrewAny, blocks(tables, state.pattern).allSatisfy(settled.contains) { break }
        }
        return (state.pattern.hidden, state.withdrawn)
    }

    struct RepairState {
        var pattern: DisclosurePattern
        var withdrawn: [Set<CohortUnit>]
        /// Every figure withdrawn, in order.
        var figures: [AuditModel.Figure] = []

        init(pattern: DisclosurePattern, columns: Int) {
            self.pattern = pattern
            withdrawn = Array(repeating: [], count: columns)
        }

        /// Stops publishing `figure`.
        mutating func withdraw(_ figure: AuditModel.Figure) {
            if case .distribution(let unit, let column) = figure { withdrawn[column].insert(unit) }
            pattern.withdraw(figure)
            figures.append(figure)
        }
    }

    /// Repairs one round's blocks, each against `pattern` as the round found it, on up to ``threads`` threads;
    /// returns each block's withdrawals, in block order, and whether it is settled (its whole-number pass ran).
    /// Blocks are independent: a block withdraws only figures of its own schools or real ones of the wave, never
    /// an assumed one, and a withdrawal that ties blocks anew is the next round's. So the order in which they
    /// finish changes nothing: the same withdrawals, merged in block order, on one thread or several.
    ///
    /// A block cut from a larger group (not one of the `whole` groups) whose LP pass withdrew anything skips its
    /// whole-number pass and stays unsettled: its withdrawals change the spreads the cut is made from, so the
    /// next round's blocks are mostly other ones, repaired again from the start, and a whole-number pass now
    /// would prove a program no later round keeps (it was ~60 % of a 30-school close's repair). The next round
    /// runs it, in the block the cut then gives.
    private func repair(
        _ groups: [[String]], whole: Set<[String]>, wholeNumbers: Bool, _ tables: CohortTables,
        _ pattern: DisclosurePattern
    ) -> [(figures: [AuditModel.Figure], settled: Bool)] {
        let clock = ContinuousClock.now
        // GLPK keeps its state per thread only if built with thread-local storage; each block's program is
        // created, solved and deleted on the thread that repairs it.
        let threads = LinearProgram.isThreadSafe ? max(1, min(threads, groups.count)) : 1
        let blocks = Parallel.map(groups, threads: threads) { group in
            var state = RepairState(pattern: pattern, columns: tables.columns.count)
            let component = AuditComponent(schools: group, tables: tables, pattern: pattern, policy: policy)
            let cut = !whole.contains(group)
            // A block cut from a larger group: its counts asked school by school first (``SchoolPrograms``).
            let schools =
                cut && schoolFirst && group.count > 1
                ? SchoolPrograms(block: component, tables: tables, pattern: pattern, policy: policy) : nil
            let settled = repair(
                component, tables, &state, schools: schools, deferWholeNumbers: cut, wholeNumbers: wholeNumbers)
            return (figures: state.figures, settled: settled)
        }
        if ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] != nil, !groups.isEmpty {
            let line =
                "round: \(groups.count) blocks \(groups.map(\.count)) on \(threads) threads, "
                + "\(blocks.reduce(0) { $0 + $1.figures.count }) withdrawn, \(blocks.count { !$0.settled }) left unsettled, "
                + "\(ContinuousClock.now - clock)\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        return blocks
    }

    private func traceGroups(_ tables: CohortTables, _ pattern: DisclosurePattern) {
        guard ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] != nil else { return }
        let sizes = AuditComponent.groups(tables, pattern).map(\.count).sorted(by: >)
        let blocks = self.blocks(tables, pattern).map(\.count)
        FileHandle.standardError.write(
            Data("groups of schools: \(sizes.prefix(10)) (\(sizes.count) groups); blocks: \(blocks)\n".utf8))
        for line in AuditComponent.tieLines(tables, pattern).prefix(12) {
            FileHandle.standardError.write(Data("tie: \(line)\n".utf8))
        }
    }

    private func traceWaveWithdrawal(_ figure: AuditModel.Figure, _ tables: CohortTables) {
        guard ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] != nil else { return }
        let what =
            switch figure {
            case .count(_, let cell): "\(cell.name(tables.columns)) = \(Self.value(cell, tables.units[.all]!))"
            case .distribution(_, let column): "\(tables.columns[column].name) distribution"
            }
        FileHandle.standardError.write(Data("wave withdraws \(what) before the repair\n".utf8))
    }

    /// Repairs one block: an LP pass, then a whole-number pass — unless `deferWholeNumbers` and the LP pass
    /// withdrew anything (then returns false: not settled), or not `wholeNumbers`. With `schools`, a side is
    /// asked of its count's school program first, and of the block's only where that does not reach it.
    private func repair(
        _ component: AuditComponent, _ tables: CohortTables, _ state: inout RepairState, schools: SchoolPrograms?,
        deferWholeNumbers: Bool, wholeNumbers: Bool
    ) -> Bool {
        let clock = ContinuousClock.now
        var report = AuditReport(intervals: [], exemptZeros: 0)
        var queue = track(component, tables, state.pattern, report: &report)
        // First by the LP relaxation alone (cheap: it withdraws what whole numbers would need withdrawn in
        // nearly every case), then again with whole-number witnesses, which only the few left need.
        for relaxed in [true, false] {
            // The LP pass in the block's program alone unless ``schoolFirstLPPass``: the figures it withdraws are
            // chosen by the duals of the LP optima the block's program passes through, and asking the schools
            // first skips most of those optima (docs/report.md, "A block's counts school by school").
            let asked = relaxed && !schoolFirstLPPass ? nil : schools
            if let schools = asked {
                schools.sweep(queue, relaxed: relaxed, self)
            } else {
                sweep(component, queue, relaxed: relaxed, report: &report)
            }
            var position = 0, steps = 0
            while position < queue.count, steps < 20 * (queue.count + 100) {
                steps += 1
                // What contained it may have been withdrawn since it was queued: its protection asks for more.
                queue[position].upper = component.containment(
                    queue[position].cell, of: queue[position].unit, tables: tables, pattern: state.pattern)
                let count = queue[position]
                var failing: Bool?
                for maximize in [false, true] {
                    if let schools = asked, schools.reaches(count, maximize: maximize, relaxed: relaxed, self) {
                        continue
                    }
                    let verdict = side(
                        count, of: component, maximize: maximize, search: false, relaxed: relaxed, report: &report)
                    if case .reached = verdict { continue }
                    failing = maximize
                    break
                }
                guard let maximize = failing,
                    let figure = binding(
                        component, component.model.terms(ofTracked: count.index), maximize: maximize,
                        except: .count(count.unit, count.cell), tables)
                else {
                    position += 1  // protected, or nothing left to withdraw (the final audit reports it)
                    continue
                }
                // With the figures that state the same (alone it would free nothing).
                for figure in [figure] + component.model.twins(of: figure) {
                    component.model.withdraw(figure)
                    schools?.withdraw(figure)
                    state.withdraw(figure)
                    traceWithdrawal(figure, for: count, maximize: maximize, relaxed: relaxed, tables)
                    guard case .count(let unit, let cell) = figure, unit != .all else { continue }
                    // It, and the counts it contained, whose protection may now ask for more (a zero exempt by
                    // its zero is not any longer).
                    for other in [unit] + component.units(within: unit) where state.pattern.isHidden(cell, of: other) {
                        guard let added = track(other, cell, component, tables, state.pattern) else { continue }
                        if let index = queue.firstIndex(where: { $0.unit == other && $0.cell == cell }) {
                            guard index < position, queue[index].upper != added.upper else { continue }
                        }
                        queue.append(added)
                    }
                }
            }
            if relaxed {
                trace("repair, LP pass", component, queue.count, report, since: (0, 0), clock)
                asked?.trace()
            }
            if relaxed, deferWholeNumbers, !state.figures.isEmpty { return false }
            if !wholeNumbers { return true }
        }
        trace("repair", component, queue.count, report, since: (0, 0), clock)
        schools?.trace()
        return true
    }

    /// The wave's hidden counts, across the blocks: for one whose side fails, the cheapest figure that binds some
    /// block's LP optimum of its part is withdrawn (a figure of the wave, from every block that has it). A block's
    /// extreme and binding figure are kept until its program changes, so after a withdrawal only that block is
    /// solved again. Returns the blocks (by index) that have a newly hidden count.
    private func repairWave(
        _ components: [AuditComponent], _ tables: CohortTables, _ state: inout RepairState
    ) -> (touched: Set<Int>, withdrewAny: Bool) {
        var report = AuditReport(intervals: [], exemptZeros: 0)
        var touched: Set<Int> = []
        var withdrewAny = false
        for cell in waveHidden(tables, state.pattern) {
            let clock = ContinuousClock.now
            let before = (report.linearPrograms, report.integerPrograms, components.reduce(0) { $0 + $1.model.program.dives })
            var count = waveCount(cell, tables: tables, components: components)
            var withdrawn = 0
            for _ in 0..<50 {
                var failing: Bool?
                for maximize in [false, true] {
                    if case .reached = waveSide(&count, components, maximize: maximize, report: &report) { continue }
                    failing = maximize
                    break
                }
                guard let maximize = failing else { break }
                var best: (figure: AuditModel.Figure, component: Int)?
                for (index, component) in components.enumerated() {
                    let terms = component.model.terms(ofTracked: count.parts[index])
                    guard
                        let figure = count.binding(
                            index, component.model, maximize: maximize,
                            find: {
                                binding(component, terms, maximize: maximize, except: .count(.all, cell), tables)
                            }),
                        best.map({ cost(figure, tables) < cost($0.figure, tables) }) ?? true
                    else { continue }
                    best = (figure, index)
                }
                guard let best else { break }
                let (unit, isCount) =
                    switch best.figure {
                    case .count(let unit, _): (unit, true)
                    case .distribution(let unit, _): (unit, false)
                    }
                // The wave's figure is in every block's program that states it.
                for index in unit == .all ? Array(components.indices) : [best.component] {
                    components[index].model.withdraw(best.figure)
                }
                state.withdraw(best.figure)
                withdrewAny = true
                withdrawn += 1
                if isCount, unit != .all { touched.insert(best.component) }
            }
            traceWave("repair", count, tables.columns, components, report, since: before, clock, withdrawn: withdrawn)
        }
        return (touched, withdrewAny)
    }

    private func traceWithdrawal(
        _ figure: AuditModel.Figure, for count: HiddenCount, maximize: Bool, relaxed: Bool, _ tables: CohortTables
    ) {
        guard ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] == "2" else { return }
        let what =
            switch figure {
            case .count(let unit, let cell): "\(unit) \(cell.name(tables.columns)) = \(Self.value(cell, tables.units[unit]!))"
            case .distribution(let unit, let column):
                "\(unit) \(tables.columns[column].name) sums (n \(tables.units[unit]!.scales[column].n))"
            }
        let line =
            "withdraw \(what) for \(count.unit) \(count.cell.name(tables.columns)) = \(count.value) "
            + "\(maximize ? "up" : "down")\(relaxed ? " (relaxed)" : "")\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The cheapest published figure binding the LP optimum of `terms`, other than `except` (``cost(_:_:)``; among
    /// equals, the largest |dual|, then the name).
    func binding(
        _ component: AuditComponent, _ terms: [(column: Int, coefficient: Double)], maximize: Bool,
        except: AuditModel.Figure, _ tables: CohortTables
    ) -> AuditModel.Figure? {
        guard case .optimal = component.model.program.optimize(terms, maximize: maximize) else { return nil }
        // Among figures of equal cost, the one that binds hardest (largest |dual|) frees the most per unit.
        let duals = component.model.bindingDuals().filter { $0.key != except }
        return duals.min { a, b in
            let (x, y) = (cost(a.key, tables), cost(b.key, tables))
            return (x.0, x.1, -a.value, x.2) < (y.0, y.1, -b.value, y.2)
        }?.key
    }
}

extension DisclosurePattern {
    /// Stops publishing `figure`: a count is hidden; a distribution goes with its histogram.
    mutating func withdraw(_ figure: AuditModel.Figure) {
        switch figure {
        case .count(let unit, let cell):
            hidden[unit, default: []].insert(cell)
        case .distribution(let unit, let column):
            distributions[column].remove(unit)
            histograms[column].remove(unit)
        }
    }
}
