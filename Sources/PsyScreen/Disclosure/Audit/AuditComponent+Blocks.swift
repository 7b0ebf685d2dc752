import Foundation

/// Ties and blocks: how the wave's published figures tie schools, how a large group of schools is cut into
/// blocks solved apart, and which of the wave's figures a district withdraws so that its blocks stay small
/// (docs/report.md, "Blocks" and "A district").
extension AuditComponent {
    /// A figure the wave publishes, with the schools that hide their own of it: what ties schools.
    struct Tie {
        let figure: AuditModel.Figure
        /// Per school hiding it, its value (a column's sums: 0).
        let hiding: [String: Int]

        var isCount: Bool { if case .count = figure { true } else { false } }

        /// Whether blocks of at most ``exactSchools`` schools could carry it alone: its hiding schools are that
        /// few, or a ``BlockCut`` of them by this figure alone has every block that small. A figure that fails
        /// this cannot be shared by any cut the rule finds, whatever the other figures.
        func fitsSmallBlocks(protection: Int) -> Bool {
            guard hiding.count > exactSchools else { return true }
            let cut = BlockCut(schools: hiding.keys.sorted(), figures: [self], protection: protection)
            return cut.blocks().allSatisfy { $0.count <= exactSchools }
        }
    }

    /// The wave's published figures (counts, then columns' sums) with the schools that hide their own: a figure
    /// two or more schools hide ties them.
    static func ties(_ tables: CohortTables, _ pattern: DisclosurePattern) -> [Tie] {
        guard showsWave(tables, pattern) else { return [] }
        let schools = Set(pattern.units.map(\.school)).filter { !$0.isEmpty }.sorted()
        let shown = Set(pattern.units)
        var ties: [Tie] = []
        for cell in DisclosureAudit.countCells(tables.columns) where !pattern.isHidden(cell, of: .all) {
            let hiding = schools.filter { !publishes(cell, school: $0, pattern, shown: shown) }.map {
                ($0, DisclosureAudit.value(cell, tables.units[unit($0)]!))
            }
            ties.append(Tie(figure: .count(.all, cell), hiding: Dictionary(uniqueKeysWithValues: hiding)))
        }
        for column in tables.columns.indices where pattern.distributions[column].contains(.all) {
            let hiding = schools.filter { !publishesSums(column, school: $0, pattern) }.map { ($0, 0) }
            ties.append(Tie(figure: .distribution(.all, column), hiding: Dictionary(uniqueKeysWithValues: hiding)))
        }
        return ties
    }

    /// The programs the audit solves: the ``groups(_:_:)``, a group of more than ``exactSchools`` schools cut
    /// into blocks (``BlockCut``). A block's program takes the wave's figures that tie it to other blocks as
    /// known — the block's own total of each, the wave's less the other schools' true values — which is more than
    /// a reader has: it can only narrow what the reader can prove, so a block whose counts keep their protection
    /// proves the same of the whole wave. The cut makes every block share every figure — its schools hiding it
    /// are none, all of the group's, or two or more whose values less the largest come to the protection (the
    /// largest can still move by the protection within the block's total) — in blocks of at most
    /// ``exactSchools`` schools where it can, else in larger ones (at worst the group, one program). (The repair
    /// first withdraws the wave's figures that keep blocks larger: ``unshared(_:_:protection:)``.)
    static func blocks(_ tables: CohortTables, _ pattern: DisclosurePattern, protection: Int) -> [[String]] {
        let groups = groups(tables, pattern)
        guard showsWave(tables, pattern), groups.contains(where: { $0.count > exactSchools }) else { return groups }
        let figures = ties(tables, pattern).filter { $0.hiding.count > 1 }
        return groups.flatMap { group -> [[String]] in
            guard group.count > exactSchools else { return [group] }
            let inside = Set(group)
            let tying = figures.filter { $0.hiding.keys.contains(where: inside.contains) }
            return BlockCut(schools: group, figures: tying, protection: protection).blocks()
        }
    }

    /// The wave's figures to withdraw before the repair so that every block has at most ``exactSchools``
    /// schools (docs/report.md, "A district"): none if ``blocks(_:_:protection:)`` already cuts so; else every
    /// tying figure of a larger block whose hiding schools cannot be cut into small blocks that share it
    /// (``Tie/fitsSmallBlocks(protection:)``: a rare count, a school or two each), and, while blocks stay large,
    /// the one figure whose withdrawal leaves the fewest schools in large blocks, then the smallest largest block,
    /// then takes the fewest figures with it (the first in figure order on a tie). A withdrawn band
    /// count takes with it the wave's distribution of its column and, if no other band of the column is hidden
    /// at the wave, the smallest other band of at least the protection (n is public: one hidden band of a
    /// partition would be n less the others). Deterministic; no program is solved.
    static func unshared(
        _ tables: CohortTables, _ pattern: DisclosurePattern, protection: Int
    ) -> [AuditModel.Figure] {
        var pattern = pattern, withdrawn: [AuditModel.Figure] = []
        let clock = ContinuousClock.now
        var cuts = 0
        func cut(_ pattern: DisclosurePattern) -> [[String]] {
            cuts += 1
            return Self.blocks(tables, pattern, protection: protection)
        }
        func withdrawing(_ figure: AuditModel.Figure, from pattern: DisclosurePattern) -> [AuditModel.Figure] {
            guard case .count(let unit, .band(let column, let band)) = figure, let counts = tables.units[unit] else {
                return [figure]
            }
            var figures = [figure]
            if pattern.distributions[column].contains(unit) { figures.append(.distribution(unit, column)) }
            let others = counts.scales[column].bands.indices.filter { $0 != band }
            if !others.contains(where: { pattern.isHidden(.band(column, $0), of: unit) }) {
                let values = counts.scales[column].bands
                let wide = others.filter { values[$0] >= protection }.min { values[$0] < values[$1] }
                if let other = wide ?? others.max(by: { values[$0] < values[$1] }) {
                    figures.append(.count(unit, .band(column, other)))
                }
            }
            return figures
        }
        for _ in 0..<64 {
            let blocks = cut(pattern)
            let largest = blocks.map(\.count).max() ?? 0
            guard largest > exactSchools else { break }
            let large = Set(blocks.filter { $0.count > exactSchools }.joined())
            let ties = Self.ties(tables, pattern).filter {
                $0.hiding.count > 1 && $0.hiding.keys.contains(where: large.contains)
            }
            var chosen = ties.filter { !$0.fitsSmallBlocks(protection: protection) }.map(\.figure)
            if chosen.isEmpty {
                // The one that helps most: the fewest schools left in large blocks, then the smallest largest
                // block, then the fewest figures withdrawn with it (a band's complement).
                func left(_ blocks: [[String]], _ figures: Int) -> (Int, Int, Int) {
                    let large = blocks.filter { $0.count > exactSchools }
                    return (large.reduce(0) { $0 + $1.count }, large.map(\.count).max() ?? 0, figures)
                }
                var best: (left: (Int, Int, Int), figure: AuditModel.Figure)?
                for tie in ties {
                    var trial = pattern
                    let figures = withdrawing(tie.figure, from: trial)
                    for figure in figures { trial.withdraw(figure) }
                    let after = left(cut(trial), figures.count)
                    if after < (best?.left ?? left(blocks, 0)) { best = (after, tie.figure) }
                }
                guard let best else { break }
                chosen = [best.figure]
            }
            // One after another: a band withdrawn is the complement of the next one of its column.
            for chosen in chosen where !withdrawn.contains(chosen) {
                for figure in withdrawing(chosen, from: pattern) where !withdrawn.contains(figure) {
                    pattern.withdraw(figure)
                    withdrawn.append(figure)
                }
            }
        }
        if ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] != nil {
            let line = "district rule: \(cuts) cuts in \(clock.duration(to: .now)), \(withdrawn.count) figures withdrawn\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        return withdrawn
    }

    /// The wave's figures that tie two or more schools, with how many (for the audit's trace).
    static func tieLines(_ tables: CohortTables, _ pattern: DisclosurePattern) -> [String] {
        ties(tables, pattern).filter { $0.hiding.count > 1 }.map { tie in
            let values = tie.hiding.values
            switch tie.figure {
            case .count(_, let cell):
                return "\(cell.name(tables.columns)): \(values.count) schools (total \(values.reduce(0, +)), "
                    + "largest \(values.max()!), smallest \(values.min()!))"
            case .distribution(_, let column):
                return "sums of \(tables.columns[column].name): \(values.count) schools"
            }
        }
    }
}
