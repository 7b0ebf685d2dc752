/// What ``DisclosureAudit`` found: for every hidden count of a wave's outputs, the smallest and largest value a
/// reader can prove from everything published.
package struct AuditReport: Sendable {
    /// One hidden count.
    package struct Interval: Hashable, Sendable, CustomStringConvertible {
        package var unit: CohortUnit
        package var cell: CohortCell
        package var cellName: String
        package var value: Int
        /// The values witnesses reach (a reader cannot exclude them), or for a side that fails, the bound the
        /// reader can prove.
        package var low: Int
        package var high: Int
        /// The interval the protection asks for: k/2 either side of the value, within what containing groups'
        /// published counts already allow (``upperBound``).
        package var required: ClosedRange<Int>
        /// The largest value a reader knows from published counts of larger groups containing this one (its n, its
        /// grade's count of the same band…): the value cannot be protected beyond it.
        package var upperBound: Int
        /// True when a side was left undecided (no witness, no proof within the integer search's node limit):
        /// such a count is reported as not protected.
        package var relaxed: Bool

        package var width: Int { high - low }
        package var isPinned: Bool { low == high }
        package var isProtected: Bool { !relaxed && low <= required.lowerBound && high >= required.upperBound }

        package var description: String {
            "\(unit) \(cellName): \(low)…\(high) (protection asks for \(required.lowerBound)…\(required.upperBound))"
        }
    }

    /// Every hidden count that is not a zero of a group whose containing group published a zero.
    package var intervals: [Interval]
    /// Hidden counts that are zero because a published count of a larger group is zero (no red student in the
    /// whole grade): exempt, since they say nothing that the published zero does not.
    package var exemptZeros: Int
    package var linearPrograms = 0
    package var integerPrograms = 0

    package init(intervals: [Interval], exemptZeros: Int) {
        self.intervals = intervals
        self.exemptZeros = exemptZeros
    }

    /// Hidden counts a reader can pin down or narrow below the protection.
    package var violations: [Interval] { intervals.filter { $0.isPinned || !$0.isProtected } }

    /// The narrowest interval (the smallest `high − low`), the figure the audit prints.
    package var narrowest: Interval? {
        intervals.min { ($0.width, $0.unit, $0.cellName) < ($1.width, $1.unit, $1.cellName) }
    }

    package var passed: Bool { violations.isEmpty }
}
