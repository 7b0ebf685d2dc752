import Foundation

extension DisclosureAudit {
    /// What one block's program proves, found wholly on the thread that audits it: GLPK keeps its state per
    /// thread, so a program is built, solved and deleted in one task, and blocks are audited on several threads
    /// (``LinearProgram/isThreadSafe``). The task carries out what the steps after it need from the program, so
    /// none of them solves it again: its hidden counts' intervals; per hidden count of the wave, the smallest and
    /// largest value of the block's part of it (blocks are independent, so the wave's are their sums); per count
    /// not protected, the figure the hand-back withdraws.
    struct BlockAudit: Sendable {
        var schools: [String]
        var intervals: [AuditReport.Interval]
        var exemptZeros: Int
        var linearPrograms: Int
        var integerPrograms: Int
        /// Per hidden count of the wave: its part's extremes in this block.
        var waveParts: [CohortCell: WavePart]
        /// Per count not protected: the cheapest figure binding its failing side, with the figures that state the
        /// same (``AuditModel/twins(of:)``).
        var handBack: [AuditModel.Figure]
    }

    /// A block's part of a hidden count of the wave: per side, the furthest witness and the bound no
    /// whole-number point passes (``AuditModel/extreme(_:maximize:report:)``).
    struct WavePart: Sendable {
        var low: (witness: Int, bound: Int)
        var high: (witness: Int, bound: Int)
    }

    /// Integer-search nodes for the second look at a side the first search (``searchNodes``) left undecided:
    /// only the few such sides get it.
    static let deepNodeLimit = 2_000

    /// Audits the block of `schools` under `pattern` (see ``BlockAudit``); `waveCells` are the wave's hidden counts.
    /// A block `cut` from a larger group first looks for witnesses in its schools' own programs
    /// (``SchoolPrograms``): one found there is one of the block's.
    func auditBlock(
        _ schools: [String], _ tables: CohortTables, _ pattern: DisclosurePattern, waveCells: [CohortCell],
        cut: Bool = false
    ) -> BlockAudit {
        let clock = ContinuousClock.now
        var report = AuditReport(intervals: [], exemptZeros: 0)
        let component = AuditComponent(schools: schools, tables: tables, pattern: pattern, policy: policy)
        let hidden = track(component, tables, pattern, report: &report)
        let programs =
            cut && schoolFirst && schools.count > 1
            ? SchoolPrograms(block: component, tables: tables, pattern: pattern, policy: policy) : nil
        if let programs {
            programs.sweep(hidden, relaxed: false, self)
        } else {
            sweep(component, hidden, report: &report)
        }
        var handBack: [AuditModel.Figure] = []
        var deeper = 0
        for count in hidden {
            var sides = [false, true].map { maximize -> AuditModel.Verdict in
                if let programs, programs.reaches(count, maximize: maximize, relaxed: false, self) {
                    return .reached(programs.furthest(count, maximize: maximize))
                }
                return side(count, of: component, maximize: maximize, nodes: searchNodes, report: &report)
            }
            for maximize in [false, true] {
                guard case .undecided = sides[maximize ? 1 : 0] else { continue }
                deeper += 1
                sides[maximize ? 1 : 0] = side(
                    count, of: component, maximize: maximize, nodes: deeperSearchNodes, report: &report)
            }
            let interval = interval(count, tables.columns, low: sides[0], high: sides[1])
            report.intervals.append(interval)
            guard interval.isPinned || !interval.isProtected else { continue }
            let maximize = if case .reached = sides[0] { true } else { false }
            if let figure = binding(
                component, component.model.terms(ofTracked: count.index), maximize: maximize,
                except: .count(count.unit, count.cell), tables)
            {
                handBack += [figure] + component.model.twins(of: figure)
            }
        }
        trace("audit", component, hidden.count, report, since: (0, 0), clock, deeper: deeper)
        programs?.trace()
        var waveParts: [CohortCell: WavePart] = [:]
        let schoolCounts = schools.map { tables.units[AuditComponent.unit($0)]! }
        for cell in waveCells {
            let value = schoolCounts.reduce(0) { $0 + Self.value(cell, $1) }
            let part = component.model.track(component.model.terms(cell, members: component.membersOf[.all]!), value: value)
            waveParts[cell] = WavePart(
                low: component.model.extreme(part, maximize: false, report: &report),
                high: component.model.extreme(part, maximize: true, report: &report))
        }
        return BlockAudit(
            schools: schools, intervals: report.intervals, exemptZeros: report.exemptZeros,
            linearPrograms: report.linearPrograms, integerPrograms: report.integerPrograms, waveParts: waveParts,
            handBack: handBack)
    }

    /// The interval of the wave's hidden `cell` from the blocks' parts: a side is reached when the parts'
    /// witnesses together reach it (one witness per independent block is one of the wave), short when their
    /// bounds together miss it, else undecided.
    func waveInterval(_ cell: CohortCell, _ blocks: [BlockAudit], _ tables: CohortTables) -> AuditReport.Interval {
        let wave = tables.units[.all]!
        let count = HiddenCount(
            unit: .all, cell: cell, value: Self.value(cell, wave), upper: Self.upperLimit(cell, wave), index: -1)
        let required = required(count)
        func verdict(maximize: Bool) -> AuditModel.Verdict {
            let parts = blocks.map { maximize ? $0.waveParts[cell]!.high : $0.waveParts[cell]!.low }
            let witness = parts.reduce(0) { $0 + $1.witness }, bound = parts.reduce(0) { $0 + $1.bound }
            let target = maximize ? required.upperBound : required.lowerBound
            func reaches(_ value: Int) -> Bool { maximize ? value >= target : value <= target }
            return reaches(witness) ? .reached(witness) : reaches(bound) ? .undecided(witness) : .short(bound)
        }
        return interval(count, tables.columns, low: verdict(maximize: false), high: verdict(maximize: true))
    }

    /// What a block's program states, as text: its schools, and every shown unit's hidden counts and published
    /// distributions and histograms among the units its program can hold — its schools' units, every school's
    /// own (what the others publish is the constant side of the wave's equations) and the wave's. Two blocks
    /// with the same key have the same program, so an audit found for one holds for the other.
    static func blockKey(_ schools: [String], _ pattern: DisclosurePattern) -> String {
        let inside = Set(schools)
        var key = schools.joined(separator: "\u{1F}")
        for unit in pattern.units where unit.school.isEmpty || unit.level == .school || inside.contains(unit.school) {
            let hidden = (pattern.hidden[unit] ?? []).map(\.description).sorted().joined(separator: ",")
            let published = pattern.distributions.indices.map { column in
                (pattern.distributions[column].contains(unit) ? "d" : "-")
                    + (pattern.histograms[column].contains(unit) ? "h" : "-")
            }.joined()
            key += "\u{1E}\(unit)|\(hidden)|\(published)"
        }
        return key
    }
}
