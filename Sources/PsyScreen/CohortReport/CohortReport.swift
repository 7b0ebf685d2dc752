/// An anonymized cohort report: every figure already decided on by disclosure control. A hidden value is nil;
/// renderers print ``DisclosureFormat/hiddenMarker`` for it, whatever the reason.
package struct CohortReport: Sendable {
    package var stamp: ReportStamp
    package var columns: [CohortColumn]
    package var units: [Unit]

    package init(stamp: ReportStamp, columns: [CohortColumn], units: [Unit]) {
        self.stamp = stamp
        self.columns = columns
        self.units = units
    }

    /// One scale of one unit.
    package struct Scale: Hashable, Sendable {
        package var n: Int?
        package var mean: Double?
        package var sd: Double?
        package var median: Double?
        package var alpha: Double?
        /// Per band of the column.
        package var bands: [Int?]
        /// Per band: `12%`, `<5%`, `>95%` or the marker.
        package var bandPercents: [String]
    }

    /// One unit's published figures.
    package struct Unit: Hashable, Sendable {
        package var unit: CohortUnit
        /// Always published: the denominator, and all that a unit below k shows.
        package var enrolled: Int
        package var screened: Int?
        /// screened ÷ enrolled in percent, one decimal.
        package var coveragePercent: Double?
        /// Red, orange, yellow (``CohortCell/publishedLevels``).
        package var levels: [Int?]
        /// One per column.
        package var scales: [Scale]

        package func level(_ level: WarningLevel) -> Int? {
            CohortCell.publishedLevels.firstIndex(of: level).flatMap { levels[$0] }
        }
    }

    package func unit(_ unit: CohortUnit) -> Unit? { units.first { $0.unit == unit } }
}
