/// The battery's policy as rows of ``AuditModel``: how warning levels follow from bands.
extension AuditModel {
    /// Per leaf: a student in a band the policy maps to a level is at that level or above; a student at a level
    /// that only bands give is in one of its bands.
    func addPolicy(_ policy: WarningPolicy, levels: [Int], bands: [[Int]], levelsOf: [[WarningLevel?]]) {
        let order = CohortCounts.levelOrder  // none, yellow, orange, red
        for (rank, level) in order.enumerated() where level != .none {
            let atOrAbove = order.indices.filter { $0 >= rank }.map { levels[$0] }
            for (column, mapping) in levelsOf.enumerated() {
                let mapped = mapping.indices.filter { mapping[$0].map { $0 >= level } ?? false }.map { bands[column][$0] }
                guard !mapped.isEmpty else { continue }
                program.addRow(mapped.map { ($0, 1) } + atOrAbove.map { ($0, -1) }, lower: nil, upper: 0)
            }
            // A level that only band conditions give: its students are in bands mapped to exactly that level.
            let conditions = policy.conditions[level] ?? []
            guard !conditions.isEmpty, conditions.allSatisfy({ if case .bands = $0 { true } else { false } }) else { continue }
            var exactly: [Int] = []
            for (column, mapping) in levelsOf.enumerated() {
                exactly += mapping.indices.filter { mapping[$0] == level }.map { bands[column][$0] }
            }
            program.addRow([(levels[rank], 1)] + exactly.map { ($0, -1) }, lower: nil, upper: 0)
        }
    }

    /// Per column and band, the highest level whose policy conditions name that band; nil for none.
    static func bandLevels(_ policy: WarningPolicy, columns: [CohortColumn]) -> [[WarningLevel?]] {
        columns.map { column in
            column.bands.map { band in
                var best: WarningLevel?
                for (level, conditions) in policy.conditions {
                    for case .bands(let instrument, let scale, let ids) in conditions
                    where instrument == column.instrumentID && scale == column.scaleID && ids.contains(band.id) {
                        if best.map({ level > $0 }) ?? true { best = level }
                    }
                }
                return best
            }
        }
    }
}
