extension DisclosureAudit {
    /// A hidden count of the wave: the sum of one tracked count (a **part**) per block. Blocks are independent
    /// programs, so the sum's extremes are the sums of theirs, and a witness of each part together are one of the
    /// wave.
    ///
    /// What is found about a part — its extreme and the published figure binding it — is kept per block and side
    /// until that block's program changes (``AuditModel/revision``): a withdrawal in one block leaves the others'
    /// findings standing, so only the block that changed is solved again.
    struct WaveCount {
        var hidden: HiddenCount
        /// Per block: the index of its part in the block's model.
        var parts: [Int]
        /// Per block: the largest value its part can take (its schools' n, or screened count for a level).
        var limits: [Int]
        /// Extremes found (each an LP, a dive and perhaps an integer search), and LPs solved for binding figures.
        private(set) var solved = (extremes: 0, bindings: 0)

        private struct Key: Hashable {
            var block: Int
            var maximize: Bool
        }

        private var extremes: [Key: (revision: Int, witness: Int, bound: Int)] = [:]
        private var bindings: [Key: (revision: Int, figure: AuditModel.Figure?)] = [:]

        init(hidden: HiddenCount, parts: [Int], limits: [Int]) {
            self.hidden = hidden
            self.parts = parts
            self.limits = limits
        }

        /// Whether block `block`'s extreme on that side is known for its program as it is.
        func knows(_ block: Int, _ model: AuditModel, maximize: Bool) -> Bool {
            extremes[Key(block: block, maximize: maximize)]?.revision == model.revision
        }

        /// The smallest (largest) value of block `block`'s part: kept, or found (``AuditModel/extreme(_:maximize:report:)``).
        mutating func extreme(
            _ block: Int, _ model: AuditModel, maximize: Bool, report: inout AuditReport
        ) -> (witness: Int, bound: Int) {
            let key = Key(block: block, maximize: maximize)
            if let known = extremes[key], known.revision == model.revision { return (known.witness, known.bound) }
            solved.extremes += 1
            let found = model.extreme(parts[block], maximize: maximize, report: &report)
            extremes[key] = (model.revision, found.witness, found.bound)
            return found
        }

        /// The figure binding block `block`'s part on that side: kept, or found by `find` (one LP).
        mutating func binding(
            _ block: Int, _ model: AuditModel, maximize: Bool, find: () -> AuditModel.Figure?
        ) -> AuditModel.Figure? {
            let key = Key(block: block, maximize: maximize)
            if let known = bindings[key], known.revision == model.revision { return known.figure }
            solved.bindings += 1
            let figure = find()
            bindings[key] = (model.revision, figure)
            return figure
        }
    }
}
