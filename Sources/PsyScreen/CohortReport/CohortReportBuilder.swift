/// Which units a report covers (`--by`).
public struct CohortReportScope: Hashable, Sendable {
    public var levels: Set<CohortUnit.Level>
    /// Groups are formed at school and grade level only.
    public var groups: Set<CohortUnit.GroupAttribute>

    public init(levels: Set<CohortUnit.Level> = Set(CohortUnit.Level.allCases),
                groups: Set<CohortUnit.GroupAttribute> = Set(CohortUnit.GroupAttribute.allCases)) {
        self.levels = levels
        self.groups = groups
    }

    /// Every level, gender and major at school and grade level.
    public static let full = CohortReportScope()

    /// Parses `--by`: a comma-separated list of `school`, `grade`, `class`, `gender`, `major` (the whole wave is
    /// always shown).
    public init(parsing text: String) throws(CohortReportError) {
        var levels: Set<CohortUnit.Level> = [.all]
        var groups: Set<CohortUnit.GroupAttribute> = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            if let level = CohortUnit.Level(rawValue: word) {
                levels.insert(level)
            } else if let group = CohortUnit.GroupAttribute(rawValue: word) {
                groups.insert(group)
            } else {
                throw .unknownBreakdown(word)
            }
        }
        self.init(levels: levels, groups: groups)
    }

    public func includes(_ unit: CohortUnit) -> Bool {
        guard levels.contains(unit.level) else { return false }
        guard let attribute = unit.groupAttribute else { return true }
        return groups.contains(attribute) && (unit.level == .school || unit.level == .grade)
    }
}

/// Turns exact counts into a publishable ``CohortReport``: suppression, then the rules for derived figures.
///
/// - counts (screened, n, bands, levels): as ``CohortDisclosure`` decides; enrolment always;
/// - coverage: beside a published screened count;
/// - band percentages: beside a published count, over a published n of at least k (``DisclosureFormat``);
/// - mean, SD, median, alpha: only where n is published and at least k. A mean times its n is a sum, and sums
///   obey the same hierarchy as n: a unit whose n cannot be recovered cannot have its sum recovered either.
public struct CohortReportBuilder: Sendable {
    public let threshold: MinimumCellSize
    public let scope: CohortReportScope

    public init(threshold: MinimumCellSize = .standard, scope: CohortReportScope = .full) {
        self.threshold = threshold
        self.scope = scope
    }

    public func build(
        _ tables: CohortTables, stamp: ReportStamp, withheld: [CohortUnit: Set<CohortCell>] = [:]
    ) throws(CohortReportError) -> (report: CohortReport, hidden: [CohortUnit: Set<CohortCell>]) {
        let scoped = tables.filter(scope.includes)
        let sorted = scoped.sortedUnits
        let hidden: [CohortUnit: Set<CohortCell>]
        do {
            hidden = try CohortDisclosure(threshold: threshold).hiddenCells(scoped, withheld: withheld, sortedUnits: sorted)
        } catch {
            throw .inconsistentCounts("\(error)")
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

/// A report that cannot be made.
public enum CohortReportError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownBreakdown(String)
    case inconsistentCounts(String)
    case emptyWave(String)

    public var description: String {
        switch self {
        case .unknownBreakdown(let word):
            "--by: unknown breakdown '\(word)' (use school, grade, class, gender, major, comma-separated)"
        case .inconsistentCounts(let detail):
            "the counts do not add up (\(detail)); the database or exchange file is damaged"
        case .emptyWave(let wave):
            "wave '\(wave)' has no screening results"
        }
    }
}
