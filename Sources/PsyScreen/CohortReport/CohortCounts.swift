/// Coverage and cohort counts of one unit.
package struct CohortCounts: Hashable, Sendable {
    /// Students with status `enrolled`: the coverage denominator.
    package var enrolled = 0
    /// Enrolled students whose latest attempt is scored: the cohort.
    package var screened = 0
    package var partial = 0
    package var refused = 0
    package var notScreened = 0
    package var onLeave = 0
    package var onInternship = 0
    /// Cohort students per warning level, indexed by ``levelOrder``.
    package var levels: [Int] = [0, 0, 0, 0]
    /// One per column of the report.
    package var scales: [ScaleCounts]

    /// The order of ``levels``.
    package static let levelOrder: [WarningLevel] = [.none, .yellow, .orange, .red]

    package init(columns: [CohortColumn]) {
        scales = columns.map { ScaleCounts(bandCount: $0.bands.count, itemCount: $0.itemPositions.count) }
    }

    package func count(_ level: WarningLevel) -> Int { levels[Self.levelOrder.firstIndex(of: level)!] }

    package mutating func merge(_ other: CohortCounts) {
        enrolled += other.enrolled
        screened += other.screened
        partial += other.partial
        refused += other.refused
        notScreened += other.notScreened
        onLeave += other.onLeave
        onInternship += other.onInternship
        for index in levels.indices { levels[index] += other.levels[index] }
        for index in scales.indices { scales[index].merge(other.scales[index]) }
    }
}
