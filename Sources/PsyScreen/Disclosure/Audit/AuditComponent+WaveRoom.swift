/// The wave's own row: hidden band counts that the other hidden bands of their scale cannot balance.
extension AuditComponent {
    /// The wave's figures to withdraw so that each band count the wave hides can move by the protection within its
    /// scale's published n: a band rises only as far as the other bands hidden beside it can fall (to zero), so
    /// their values, less nothing, must come to the protection (or to what the band can still rise below n). The
    /// exact elimination can hide a wave's zero with one large band as its complement (PHQ-9 severe 0 and mild
    /// 54,522 in the 30-school district): the large one can then never rise, and no withdrawal inside the blocks,
    /// which take the wave's published bands as known, can change that. Per scale, while a hidden band is short,
    /// the wave's smallest published band of at least the protection (else its largest) is withdrawn, with the
    /// scale's distribution. Deterministic; no program is solved.
    static func roomless(
        _ tables: CohortTables, _ pattern: DisclosurePattern, protection: Int
    ) -> [AuditModel.Figure] {
        guard showsWave(tables, pattern), let wave = tables.units[.all] else { return [] }
        var pattern = pattern, withdrawn: [AuditModel.Figure] = []
        for column in tables.columns.indices {
            let values = wave.scales[column].bands, n = wave.scales[column].n
            while true {
                let hidden = values.indices.filter { pattern.isHidden(.band(column, $0), of: .all) }
                guard !hidden.isEmpty else { break }
                let total = hidden.reduce(0) { $0 + values[$1] }
                let short = hidden.contains { total - values[$0] < min(protection, n - values[$0]) }
                let published = values.indices.filter { !hidden.contains($0) }
                guard short,
                    let band = published.filter({ values[$0] >= protection }).min(by: { values[$0] < values[$1] })
                        ?? published.max(by: { values[$0] < values[$1] })
                else { break }
                var figures: [AuditModel.Figure] = [.count(.all, .band(column, band))]
                if pattern.distributions[column].contains(.all) { figures.append(.distribution(.all, column)) }
                for figure in figures {
                    pattern.withdraw(figure)
                    withdrawn.append(figure)
                }
            }
        }
        return withdrawn
    }
}
