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

        /// Whether the schools of `block` that hide it can share the block's total: none, or two or more whose
        /// values less the largest come to `protection` (the largest can still move by it within the total).
        func isShared(by block: [String], protection: Int) -> Bool {
            let values = block.compactMap { hiding[$0] }
            guard let largest = values.max() else { return true }
            return values.count >= 2 && (!isCount || values.reduce(0, +) - largest >= protection)
        }

        /// Whether its hiding schools, in school order, can be cut into runs of two to ``exactSchools`` that
        /// each share their total (or are few enough to stay in one block): whether blocks of at most
        /// ``exactSchools`` schools could carry it.
        func fitsSmallBlocks(protection: Int) -> Bool {
            let schools = hiding.keys.sorted()
            guard schools.count > exactSchools else { return true }
            var cut = [true] + Array(repeating: false, count: schools.count)
            for end in 2...schools.count {
                cut[end] = (max(0, end - exactSchools)...(end - 2)).contains { start in
                    cut[start] && isShared(by: Array(schools[start..<end]), protection: protection)
                }
            }
            return cut[schools.count]
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

    /// The programs the audit solves: the ``groups(_:_:)``, a group of more than ``exactSchools`` schools split
    /// into blocks. A block's program takes the wave's figures that tie it to other blocks as known — the
    /// block's own total of each, the wave's less the other schools' true values — which is more than a reader
    /// has: it can only narrow what the reader can prove, so a block whose counts keep their protection proves the
    /// same of the whole wave.
    ///
    /// The rule, deterministic: the schools that hide a tying figure hidden by fewer than four schools of the group
    /// stay together (a block's total of a figure only one of its schools hides would be that school's figure),
    /// and so do those hiding a figure whose hiding schools together do not meet the condition below. These
    /// clusters, in school order, are cut into blocks that each meet it — for every tying count some of its
    /// schools hide, the hiding schools' values less the largest come to the protection or more (the largest can
    /// still move by the protection within the block's total), and every tying column's sums are hidden by none
    /// or two or more of its schools: blocks of at most two schools if a cut in that order can, else three, else
    /// four; else as many blocks of about equal numbers of schools as can. If no two blocks do, the group stays
    /// one program. (The repair first withdraws the wave's figures that keep blocks larger than
    /// ``exactSchools``: ``unshared(_:_:protection:)``.)
    static func blocks(_ tables: CohortTables, _ pattern: DisclosurePattern, protection: Int) -> [[String]] {
        let groups = groups(tables, pattern)
        guard showsWave(tables, pattern), groups.contains(where: { $0.count > exactSchools }) else { return groups }
        let figures = ties(tables, pattern).filter { $0.hiding.count > 1 }
        return groups.flatMap { group -> [[String]] in
            guard group.count > exactSchools else { return [group] }
            // A figure the whole group cannot share out keeps its hiding schools in one block, where its total
            // is the group's: exact.
            let apart = figures.indices.filter { figures[$0].isShared(by: group, protection: protection) }
            func closes(_ block: [String]) -> Bool {
                apart.allSatisfy { figures[$0].isShared(by: block, protection: protection) }
            }
            var cluster = Dictionary(uniqueKeysWithValues: group.map { ($0, $0) })
            func find(_ school: String) -> String {
                var current = school
                while cluster[current]! != current { current = cluster[current]! }
                return current
            }
            for (index, figure) in figures.enumerated() {
                let hiding = group.filter { figure.hiding[$0] != nil }
                guard hiding.count < 4 || !apart.contains(index) else { continue }
                for other in hiding.dropFirst() {
                    let (a, b) = (find(hiding[0]), find(other))
                    if a != b { cluster[max(a, b)] = min(a, b) }
                }
            }
            let clusters = Dictionary(grouping: group, by: find).values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
            // Blocks of at most two, three, then four schools, if a cut of the clusters in school order meets the
            // condition.
            for limit in 2...exactSchools {
                if let blocks = cut(clusters, limit: limit, closes), blocks.count > 1 { return blocks }
            }
            // Else as many blocks as meet the condition, of about equal numbers of schools.
            for count in stride(from: group.count / 2, through: 2, by: -1) {
                let size = (group.count + count - 1) / count
                var blocks: [[String]] = [], current: [String] = []
                for schools in clusters {
                    if !current.isEmpty, current.count + schools.count > size, blocks.count < count - 1 {
                        blocks.append(current)
                        current = []
                    }
                    current += schools
                }
                blocks.append(current)
                if blocks.count > 1, blocks.allSatisfy(closes) { return blocks.map { $0.sorted() } }
            }
            return [group]
        }
    }

    /// A cut of `clusters`, in their order, into blocks of at most `limit` schools that each `close`, if one
    /// exists (the first found by dynamic programming over the clusters: each block as long as it can be).
    private static func cut(_ clusters: [[String]], limit: Int, _ closes: ([String]) -> Bool) -> [[String]]? {
        // start[end]: where the last block of a cut of clusters[..<end] starts.
        var start: [Int?] = [0] + Array(repeating: nil, count: clusters.count)
        for end in 1..<(clusters.count + 1) {
            var block: [String] = []
            for first in stride(from: end - 1, through: 0, by: -1) {
                block = clusters[first] + block
                guard block.count <= limit else { break }
                if start[first] != nil, closes(block) { start[end] = first }
            }
        }
        guard start[clusters.count] != nil else { return nil }
        var blocks: [[String]] = [], end = clusters.count
        while end > 0, let first = start[end] {
            blocks.insert(clusters[first..<end].flatMap { $0 }.sorted(), at: 0)
            end = first
        }
        return blocks
    }

    /// The wave's figures to withdraw before the repair so that every block has at most ``exactSchools``
    /// schools (docs/report.md, "A district"): none if ``blocks(_:_:protection:)`` already cuts so; else every
    /// tying figure of a larger block whose hiding schools cannot be cut into small blocks that share it
    /// (``Tie/fitsSmallBlocks(protection:)``: a rare count, a school or two each), and, while blocks stay large,
    /// the one figure (in figure order) whose withdrawal leaves the smallest largest block. A withdrawn band
    /// count takes with it the wave's distribution of its column and, if no other band of the column is hidden
    /// at the wave, the smallest other band of at least the protection (n is public: one hidden band of a
    /// partition would be n less the others). Deterministic; no program is solved.
    static func unshared(
        _ tables: CohortTables, _ pattern: DisclosurePattern, protection: Int
    ) -> [AuditModel.Figure] {
        var pattern = pattern, withdrawn: [AuditModel.Figure] = []
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
            let blocks = Self.blocks(tables, pattern, protection: protection)
            let largest = blocks.map(\.count).max() ?? 0
            guard largest > exactSchools else { break }
            let large = Set(blocks.filter { $0.count > exactSchools }.joined())
            let ties = Self.ties(tables, pattern).filter {
                $0.hiding.count > 1 && $0.hiding.keys.contains(where: large.contains)
            }
            var chosen = ties.filter { !$0.fitsSmallBlocks(protection: protection) }.map(\.figure)
            if chosen.isEmpty {
                var best: (largest: Int, figure: AuditModel.Figure)?
                for tie in ties {
                    var trial = pattern
                    for figure in withdrawing(tie.figure, from: trial) { trial.withdraw(figure) }
                    let left = Self.blocks(tables, trial, protection: protection).map(\.count).max() ?? 0
                    if left < best?.largest ?? largest { best = (left, tie.figure) }
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
