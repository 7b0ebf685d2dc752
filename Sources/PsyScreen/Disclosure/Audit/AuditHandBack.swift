import Foundation

extension DisclosureAudit {
    /// A pattern and the final audit it passed (or, when nothing was left to withdraw, failed).
    package struct Settled: Sendable {
        package var pattern: DisclosurePattern
        package var report: AuditReport
        /// What the final audit handed back to the repair and withdrew, in order.
        var handedBack: [AuditModel.Figure]
        /// The counts handed back and withdrawn, in order.
        package var handedBackCounts: [(unit: CohortUnit, cell: CohortCell)] {
            handedBack.compactMap { if case .count(let unit, let cell) = $0 { (unit, cell) } else { nil } }
        }
        /// The distributions (a unit's mean, SD, median and sums of one column) handed back and withdrawn.
        package var handedBackDistributions: [(unit: CohortUnit, column: Int)] {
            handedBack.compactMap { if case .distribution(let unit, let column) = $0 { (unit, column) } else { nil } }
        }
        /// Audits run: one, and one more per round of hand-back.
        package var rounds: Int
    }

    /// Rounds of hand-back before the audit's verdict stands as it is.
    static let handBackRounds = 16

    /// The final audit of `pattern`, and a count it cannot prove protected handed back, never published on
    /// hope. The repair decides with LP bounds and dives and never searches; the final audit proves each side
    /// with a witness or a bound, and a side its integer search leaves undecided gets a second, deeper search
    /// (``deepNodeLimit``). What is still not protected — proved short, or still undecided — goes back to the
    /// repair's rule in the audit's own block program: the cheapest published figure binding the failing side's
    /// LP optimum (``binding(_:_:maximize:except:_:)``, ``cost(_:_:)``) is withdrawn with the figures that state
    /// the same; for a count of the wave, the cheapest such figure of any block. `close` then closes the pattern
    /// again over what is now hidden (it may publish less, never more), and the audit runs again: blocks are cut
    /// from the new pattern, and only those whose program changed (``blockKey(_:_:)``) are solved again. Until
    /// the audit passes, nothing is left to withdraw, or ``handBackRounds`` rounds. A figure withdrawn is hidden,
    /// so never withdrawn twice; withdrawing only frees rows of a program, so a count once proved protected stays
    /// so, save that hiding a count widens what the counts it contained must reach, and those are checked again.
    ///
    /// The pattern returned is the one the returned report audited: a fresh ``audit(_:pattern:asOneProgram:)``
    /// of it finds the same.
    package func settle<E: Error>(
        _ tables: CohortTables, pattern: DisclosurePattern,
        close: (DisclosurePattern) throws(E) -> DisclosurePattern
    ) throws(E) -> Settled {
        var pattern = pattern
        var cache: [String: BlockAudit] = [:]
        var handedBack: [AuditModel.Figure] = []
        var rounds = 0
        while true {
            rounds += 1
            let (report, blocks) = audit(tables, pattern, programs: programs(tables, pattern), cache: &cache)
            guard !report.passed, rounds <= Self.handBackRounds else {
                return Settled(pattern: pattern, report: report, handedBack: handedBack, rounds: rounds)
            }
            var figures = blocks.flatMap(\.handBack)
            for interval in report.violations where interval.unit == .all {
                if let figure = waveHandBack(interval, tables, pattern) { figures.append(figure) }
            }
            var seen: Set<AuditModel.Figure> = []
            figures = figures.filter { seen.insert($0).inserted && pattern.publishes($0) }
            guard !figures.isEmpty else {
                return Settled(pattern: pattern, report: report, handedBack: handedBack, rounds: rounds)
            }
            for figure in figures {
                pattern.withdraw(figure)
                traceHandBack(figure, tables)
            }
            handedBack += figures
            pattern = try close(pattern)
        }
    }

    /// For the wave's hidden count of `interval`, not protected: the cheapest figure binding its failing side's
    /// LP optimum in any block (each block on its own thread, its program built for this alone: rare, since the
    /// repair checks the wave's counts across the blocks every round).
    private func waveHandBack(
        _ interval: AuditReport.Interval, _ tables: CohortTables, _ pattern: DisclosurePattern
    ) -> AuditModel.Figure? {
        let maximize = interval.low <= interval.required.lowerBound
        let programs = programs(tables, pattern)
        let threads = LinearProgram.isThreadSafe ? max(1, min(threads, programs.count)) : 1
        let found = Parallel.map(programs, threads: threads) { schools -> AuditModel.Figure? in
            let component = AuditComponent(schools: schools, tables: tables, pattern: pattern, policy: policy)
            let model = component.model
            let part = model.track(model.terms(interval.cell, members: component.membersOf[.all]!), value: 0)
            return binding(
                component, model.terms(ofTracked: part), maximize: maximize, except: .count(.all, interval.cell), tables)
        }
        return found.compactMap { $0 }.min { cost($0, tables) < cost($1, tables) }
    }

    private func traceHandBack(_ figure: AuditModel.Figure, _ tables: CohortTables) {
        guard ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] != nil else { return }
        let what =
            switch figure {
            case .count(let unit, let cell): "\(unit) \(cell.name(tables.columns)) = \(Self.value(cell, tables.units[unit]!))"
            case .distribution(let unit, let column):
                "\(unit) \(tables.columns[column].name) sums (n \(tables.units[unit]!.scales[column].n))"
            }
        FileHandle.standardError.write(Data("audit hands back: withdraws \(what)\n".utf8))
    }
}

extension DisclosurePattern {
    /// Whether the pattern still publishes `figure`.
    func publishes(_ figure: AuditModel.Figure) -> Bool {
        switch figure {
        case .count(let unit, let cell): !isHidden(cell, of: unit)
        case .distribution(let unit, let column): distributions[column].contains(unit)
        }
    }
}
