/// An anonymized cohort report: every figure already decided on by disclosure control. A hidden value is nil;
/// renderers print ``DisclosureFormat/hiddenMarker`` for it, whatever the reason.
public struct CohortReport: Sendable {
    public var stamp: ReportStamp
    public var columns: [CohortColumn]
    public var units: [Unit]

    public init(stamp: ReportStamp, columns: [CohortColumn], units: [Unit]) {
        self.stamp = stamp
        self.columns = columns
        self.units = units
    }

    /// One scale of one unit.
    public struct Scale: Hashable, Sendable {
        public var n: Int?
        public var mean: Double?
        public var sd: Double?
        public var median: Double?
        public var alpha: Double?
        /// Per band of the column.
        public var bands: [Int?]
        /// Per band: `12%`, `<5%`, `>95%` or the marker.
        public var bandPercents: [String]
    }

    /// One unit's published figures.
    public struct Unit: Hashable, Sendable {
        public var unit: CohortUnit
        /// Always published: the denominator, and all that a unit below k shows.
        public var enrolled: Int
        public var screened: Int?
        /// screened ÷ enrolled in percent, one decimal.
        public var coveragePercent: Double?
        /// Red, orange, yellow (``CohortCell/publishedLevels``).
        public var levels: [Int?]
        /// One per column.
        public var scales: [Scale]

        public func level(_ level: WarningLevel) -> Int? {
            CohortCell.publishedLevels.firstIndex(of: level).flatMap { levels[$0] }
        }
    }

    public func unit(_ unit: CohortUnit) -> Unit? { units.first { $0.unit == unit } }
}
