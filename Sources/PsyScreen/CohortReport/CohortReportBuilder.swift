/// Turns exact counts into a publishable ``CohortReport``: the wave's ``DisclosurePattern`` (decided over every
/// unit, whatever `--by` asks for), the units `--by` selects, then the rules for derived figures.
///
/// - counts (screened, n, bands, levels): as the pattern decides; enrolment always;
/// - coverage: beside a published screened count;
/// - band percentages: beside a published count, over a published n of at least k (``DisclosureFormat``);
/// - mean, SD, median: where the pattern publishes the unit's distribution of that scale; alpha where it
///   publishes its item sums.
package struct CohortReportBuilder: Sendable {
    package let threshold: MinimumCellSize
    package let scope: CohortReportScope
    /// The wave's warning policy, when it has one battery (``CohortDisclosure/policy``).
    package let policy: WarningPolicy?

    package init(threshold: MinimumCellSize = .standard, scope: CohortReportScope = .full, policy: WarningPolicy? = nil) {
        self.threshold = threshold
        self.scope = scope
        self.policy = policy
    }

    /// The report of `tables` under `pattern` (decided here when nil).
    package func build(
        _ tables: CohortTables, stamp: ReportStamp, pattern decided: DisclosurePattern? = nil
    ) throws(CohortReportError) -> (report: CohortReport, pattern: DisclosurePattern) {
        let pattern: DisclosurePattern
        if let decided { pattern = decided } else { pattern = try Self.pattern(tables, threshold: threshold, policy: policy) }
        let units = Parallel.mapHalves(pattern.units.filter(scope.includes)) { unit in
            tables.units[unit].map { PublishedUnit(unit, $0, pattern: pattern, columns: tables.columns) }
        }
        // A stored pattern's units are the wave's own, unless the file was damaged since.
        if let missing = units.firstIndex(of: nil) { throw .patternDoesNotFit(pattern.units.filter(scope.includes)[missing]) }
        return (report(units.map { $0! }, stamp: stamp, columns: tables.columns), pattern)
    }

    /// The wave's pattern (``CohortDisclosure``).
    package static func pattern(
        _ tables: CohortTables, threshold: MinimumCellSize, policy: WarningPolicy? = nil
    ) throws(CohortReportError) -> DisclosurePattern {
        do {
            return try CohortDisclosure(threshold: threshold, policy: policy).pattern(tables)
        } catch {
            throw .inconsistentCounts(error.localized)
        }
    }

    /// The pattern a closed wave releases, with its final audit (``CohortDisclosure/release(_:)``).
    package static func release(
        _ tables: CohortTables, threshold: MinimumCellSize, policy: WarningPolicy? = nil
    ) throws(CohortReportError) -> DisclosureAudit.Settled {
        do {
            return try CohortDisclosure(threshold: threshold, policy: policy).release(tables)
        } catch {
            throw .inconsistentCounts(error.localized)
        }
    }

    /// The report of units already decided on (a wave's, or a merge's).
    package func report(_ units: [PublishedUnit], stamp: ReportStamp, columns: [CohortColumn]) -> CohortReport {
        CohortReport(stamp: stamp, columns: columns, units: Parallel.mapHalves(units) { publish($0, columns: columns) })
    }

    private func publish(_ unit: PublishedUnit, columns: [CohortColumn]) -> CohortReport.Unit {
        let coverage = unit.screened.flatMap { value in
            unit.enrolled > 0 ? Rounding.halfUp(value * 100, over: unit.enrolled, decimals: 1) : nil
        }
        let scales = zip(columns, unit.scales).map { column, scale -> CohortReport.Scale in
            let percents = scale.bands.map { DisclosureFormat.percent($0, of: scale.n, threshold: threshold) }
            var result = CohortReport.Scale(
                n: scale.n, mean: nil, sd: nil, median: nil, alpha: nil, bands: scale.bands, bandPercents: percents)
            result.mean = scale.sums?.mean.map(column.unscaled)
            result.sd = scale.sums?.standardDeviation.map(column.unscaled)
            result.median = scale.median.map(column.unscaled)
            result.alpha = scale.alpha
            return result
        }
        return CohortReport.Unit(
            unit: unit.unit, enrolled: unit.enrolled, screened: unit.screened, coveragePercent: coverage,
            levels: unit.levels, scales: scales)
    }
}
