/// Coverage and cohort counts of one unit.
public struct CohortCounts: Hashable, Sendable {
    /// Students with status `enrolled`: the coverage denominator.
    public var enrolled = 0
    /// Enrolled students whose latest attempt is scored: the cohort.
    public var screened = 0
    public var partial = 0
    public var refused = 0
    public var notScreened = 0
    public var onLeave = 0
    public var onInternship = 0
    /// Cohort students per warning level, indexed by ``levelOrder``.
    public var levels: [Int] = [0, 0, 0, 0]
    /// One per column of the report.
    public var scales: [ScaleCounts]

    /// The order of ``levels``.
    public static let levelOrder: [WarningLevel] = [.none, .yellow, .orange, .red]

    public init(columns: [CohortColumn]) {
        scales = columns.map { ScaleCounts(bandCount: $0.bands.count, itemCount: $0.itemPositions.count) }
    }

    public func count(_ level: WarningLevel) -> Int { levels[Self.levelOrder.firstIndex(of: level)!] }

    public mutating func merge(_ other: CohortCounts) {
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
