import Foundation

extension DisclosureAudit {
    /// A block's schools, each in a program of its own, asked first for a block cut from a larger group
    /// (docs/report.md, "A block's counts school by school").
    ///
    /// A school's program is its ``AuditComponent`` alone: its own figures and, for each figure of the wave that
    /// ties it to other schools, its own value fixed at the true one (the wave's figure less every other school's
    /// true value). Any point of it, with every other school at its true values (the true data, a point of every
    /// program), is a point of the block's program: the block's rows over one school's leaves are the school's,
    /// and its rows across schools (the wave's) hold at the true values. So a point found there — an LP optimum,
    /// or a whole-number one — is one of the block's, and a count it takes to the end of its protection reaches
    /// it in the block: the proof stays the block's, at a third to a quarter of the rows per pivot.
    ///
    /// A side it does not reach goes to the block's program, which decides it (the count may need a tie to move)
    /// and, if it fails, finds the figure to withdraw, as without the schools: the same verdicts and the same
    /// withdrawals. (Where no assumed tie binds the school's optimum, that optimum is the block's and its duals
    /// are the block's too; withdrawing by them was faster but chose other figures among equals, since the
    /// block's program no longer passed through the same optima: docs/report.md.)
    final class SchoolPrograms {
        private let block: AuditComponent
        private let tables: CohortTables
        private let policy: WarningPolicy?
        private var pattern: DisclosurePattern
        private var programs: [String: AuditComponent] = [:]
        /// Per count of the block (its unit and cell): its index in its school's program.
        private var indices: [CohortUnit: [CohortCell: Int]] = [:]
        /// The school programs' own LPs (the block's are counted in the repair's report).
        private(set) var report = AuditReport(intervals: [], exemptZeros: 0)
        /// Sides the school's program decided, and those it left to the block's program.
        private(set) var decided = 0
        private(set) var fellBack = 0

        init(block: AuditComponent, tables: CohortTables, pattern: DisclosurePattern, policy: WarningPolicy?) {
            self.block = block
            self.tables = tables
            self.pattern = pattern
            self.policy = policy
        }

        /// The program of `school`, built when first asked for, under the pattern as it is now (the figures
        /// withdrawn since it began are the block's too, ``withdraw(_:)``).
        private func program(_ school: String) -> AuditComponent {
            if let program = programs[school] { return program }
            let program = AuditComponent(
                schools: [school], tables: tables, pattern: pattern, policy: policy, hiddenTiesOnly: true)
            programs[school] = program
            return program
        }

        /// The count's school program and its index there.
        private func tracked(_ count: HiddenCount) -> (program: AuditComponent, index: Int) {
            let program = program(count.unit.school)
            if let index = indices[count.unit]?[count.cell] { return (program, index) }
            let terms = program.model.terms(count.cell, members: program.membersOf[count.unit]!)
            let index = program.model.track(terms, value: count.value)
            indices[count.unit, default: [:]][count.cell] = index
            return (program, index)
        }

        /// Whether a point seen so far, of the block's program or of the count's school's, reaches `target`: any
        /// LP optimum, or (not `relaxed`) a witness.
        private func seen(_ count: HiddenCount, _ target: Int, maximize: Bool, relaxed: Bool) -> Bool {
            func reaches(_ model: AuditModel, _ index: Int) -> Bool {
                if relaxed { return model.relaxedReaches(index, target, maximize: maximize) }
                return maximize ? model.seenHigh[index] >= target : model.seenLow[index] <= target
            }
            if reaches(block.model, count.index) { return true }
            let (program, index) = tracked(count)
            return reaches(program.model, index)
        }

        /// ``DisclosureAudit/sweep(_:_:relaxed:report:)`` school by school: per school and kind of count, one
        /// program pushing all of its counts not yet seen at their protection down, one up.
        func sweep(_ hidden: [HiddenCount], relaxed: Bool, _ audit: DisclosureAudit) {
            for school in block.schools {
                let mine = hidden.filter { $0.unit.school == school }
                for cell in Set(mine.map(\.cell)).sorted(by: { $0.description < $1.description }) {
                    let kind = mine.filter { $0.cell == cell }
                    for maximize in [false, true] {
                        let pending = kind.filter { count in
                            let required = audit.required(count)
                            let target = maximize ? required.upperBound : required.lowerBound
                            return !seen(count, target, maximize: maximize, relaxed: relaxed)
                        }
                        guard pending.count > 1 else { continue }
                        let model = program(school).model, indices = pending.map { tracked($0).index }
                        if relaxed {
                            model.sweepRelaxed(indices, maximize: maximize, report: &report)
                        } else {
                            model.sweep(indices, maximize: maximize, report: &report)
                        }
                    }
                }
            }
        }

        /// Whether `count` reaches one end of its protection in its school's program, which shows it reaches it in
        /// the block's: by the LP relaxation, or (not `relaxed`) by a witness — an LP optimum that is whole, or a
        /// dive from it (no search). Where it does not, the block's program decides, and finds the figure to
        /// withdraw.
        func reaches(_ count: HiddenCount, maximize: Bool, relaxed: Bool, _ audit: DisclosureAudit) -> Bool {
            let required = audit.required(count)
            let target = maximize ? required.upperBound : required.lowerBound
            if seen(count, target, maximize: maximize, relaxed: relaxed) { return true }
            let (program, index) = tracked(count)
            let verdict =
                relaxed
                ? program.model.reachRelaxed(index, target: target, maximize: maximize, report: &report)
                : program.model.reach(index, target: target, maximize: maximize, search: false, report: &report)
            if case .reached = verdict {
                decided += 1
                return true
            }
            fellBack += 1
            return false
        }

        /// The furthest value of `count` at a witness of the block's program or of its school's.
        func furthest(_ count: HiddenCount, maximize: Bool) -> Int {
            let (program, index) = tracked(count)
            return maximize
                ? max(block.model.seenHigh[count.index], program.model.seenHigh[index])
                : min(block.model.seenLow[count.index], program.model.seenLow[index])
        }

        /// Stops publishing `figure` in every school program that states it (the repair withdrew it in the block).
        func withdraw(_ figure: AuditModel.Figure) {
            pattern.withdraw(figure)
            for program in programs.values { program.model.withdraw(figure) }
        }

        /// `PSYSCREEN_AUDIT_TRACE`: the school programs' LPs and simplex runs, summed, and the sides they decided.
        func trace() {
            guard ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] != nil else { return }
            let solvers = programs.values.map(\.model.program)
            let line =
                "  school by school: \(programs.count) programs, \(report.linearPrograms) LPs, "
                + "\(solvers.reduce(0) { $0 + $1.simplexRuns }) simplex runs "
                + "(\(solvers.reduce(0) { $0 + $1.iterations }) iterations, "
                + "\(solvers.reduce(Duration.zero) { $0 + $1.simplexTime })), "
                + "\(decided) sides decided, \(fellBack) left to the block\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
