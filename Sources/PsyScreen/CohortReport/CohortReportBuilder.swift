/// Turns exact counts into a publishable ``CohortReport``: suppression, then the rules for derived figures.
///
/// - counts (screened, n, bands, levels): as ``CohortDisclosure`` decides; enrolment always;
/// - coverage: beside a published screened count;
/// - band percentages: beside a published count, over a published n of at least k (``DisclosureFormat``);
/// - mean, SD, median, alpha: only where n is published and at least k. A mean times its n is a sum, and sums
///   obey the same hierarchy as n: a unit whose n cannot be recovered cannot have its sum recovered either.
package struct CohortReportBuilder: Sendable {
    package let threshold: MinimumCellSize
    package let scope: CohortReportScope

    package init(threshold: MinimumCellSize = .standard, scope: CohortReportScope = .full) {
        self.threshold = threshold
        self.scope = scope
    }

    package func build(
        _ tables: CohortTables, stamp: ReportStamp, withheld: [CohortUnit: Set<CohortCell>] = [:]
    ) throws(CohortReportError) -> (report: CohortReport, hidden: [CohortUnit: Set<CohortCell>]) {
        let scoped = tables.filter(scope.includes)
        let sorted = scoped.sortedUnits
        let hidden: [CohortUnit: Set<CohortCell>]
        do {
            hidden = try CohortDisclosure(threshold: threshold).hiddenCells(scoped, withheld: withheld, sortedUnits: sorted)
        } catch {
            throw .inconsistentCounts(error.localized)
        }
        let units = sorted.map { unit in
            publish(unit, scoped.units[unit]!, hidden: hidden[unit] ?? [], columns: tables.columns)
        }
        return (CohortReport(stamp: stamp, columns: tables.columns, units: units), hidden)
    }

    private func publish(
        _ unit: CohortUnit, _ counts: CohortCounts, hidden: Set<CohortCell>, columns: [CohortColumn]
    ) -> CohortReport.Unit {
        let screened = hidden.contains(.screened) ? nil : counts.screened
        let coverage = screened.flatMap { value in
            counts.enrolled > 0 ? Rounding.halfUp(value * 100, over: counts.enrolled, decimals: 1) : nil
        }
        let levels = CohortCell.publishedLevels.map { hidden.contains(.level($0)) ? nil : counts.count($0) }
        let scales = columns.indices.map { index -> CohortReport.Scale in
            let column = columns[index]
            let scale = counts.scales[index]
            let n = hidden.contains(.n(index)) ? nil : scale.n
            let bands = column.bands.indices.map { hidden.contains(.band(index, $0)) ? nil : scale.bands[$0] }
            let percents = bands.map { DisclosureFormat.percent($0, of: n, threshold: threshold) }
            var result = CohortReport.Scale(
                n: n, mean: nil, sd: nil, median: nil, alpha: nil, bands: bands, bandPercents: percents)
            if let n, n >= threshold.k {
                let accumulator = scale.scores.accumulator
                result.mean = accumulator.mean.map(column.unscaled)
                result.sd = accumulator.standardDeviation.map(column.unscaled)
                result.median = scale.scores.median.map(column.unscaled)
                result.alpha = scale.alpha.alpha
            }
            return result
        }
        return CohortReport.Unit(
            unit: unit, enrolled: counts.enrolled, screened: screened, coveragePercent: coverage, levels: levels,
            scales: scales)
    }
}
