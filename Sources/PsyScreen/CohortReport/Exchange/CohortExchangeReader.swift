/// Turns a decoded exchange document into checked ``CohortTables``.
///
/// Every number is bounded before it is used, so that no sum, product or power of ten computed from a damaged or
/// hostile file can overflow: counts 0…``maximumCount``, scales as an instrument file may define them
/// (``InstrumentLimits``), counted scores inside their scale's range.
struct CohortExchangeReader {
    let document: ExchangeDocument
    let file: String

    /// More students than any district has (a province's vocational schools hold a few million); small enough
    /// that adding a few thousand such counts cannot overflow.
    static let maximumCount = 1_000_000_000

    func read() throws(CohortExchangeError) -> CohortExchange {
        let columns = document.scales
        for column in columns { try check(column) }
        var units: [CohortUnit: CohortCounts] = [:]
        var withheld: [CohortUnit: Set<CohortCell>] = [:]
        for record in document.units {
            let unit = try self.unit(record)
            guard units[unit] == nil else { throw fail(.unitTwice("\(unit)")) }
            units[unit] = try counts(record, unit: unit, columns: columns)
            var cells: Set<CohortCell> = []
            for name in record.withheld {
                guard let cell = CohortCell(name: name, columns: columns) else {
                    throw fail(.unknownWithheld(unit: "\(unit)", name: name))
                }
                cells.insert(cell)
            }
            if !cells.isEmpty { withheld[unit] = cells }
        }
        return CohortExchange(
            stamp: document.stamp, tables: CohortTables(columns: columns, units: units), withheld: withheld)
    }

    private func unit(_ record: ExchangeUnit) throws(CohortExchangeError) -> CohortUnit {
        guard record.level == .school || record.level == .grade else {
            throw fail(.wrongLevel(record.level.rawValue))
        }
        var group: (CohortUnit.GroupAttribute, String)?
        if !record.group.isEmpty {
            let parts = record.group.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let attribute = CohortUnit.GroupAttribute(rawValue: parts[0]) else {
                throw fail(.unknownGroup(record.group))
            }
            group = (attribute, parts[1])
        }
        guard !record.school.isEmpty, (record.level == .school) == record.grade.isEmpty else {
            throw fail(.unitNeedsSchool(level: record.level.rawValue, grade: record.level == .grade))
        }
        return CohortUnit(level: record.level, school: record.school, grade: record.grade, group: group)
    }

    private func counts(
        _ record: ExchangeUnit, unit: CohortUnit, columns: [CohortColumn]
    ) throws(CohortExchangeError) -> CohortCounts {
        var counts = CohortCounts(columns: columns)
        counts.enrolled = record.enrolled
        counts.screened = record.screened
        counts.partial = record.partial
        counts.refused = record.refused
        counts.notScreened = record.notScreened
        counts.onLeave = record.onLeave
        counts.onInternship = record.onInternship
        let all = [
            counts.enrolled, counts.screened, counts.partial, counts.refused, counts.notScreened,
            counts.onLeave, counts.onInternship,
        ]
        guard all.allSatisfy(Self.isCount) else {
            throw fail(.notACount(unit: "\(unit)", scale: nil, maximum: Self.maximumCount))
        }
        guard counts.screened + counts.partial + counts.refused + counts.notScreened == counts.enrolled else {
            throw fail(.statesDoNotAddUp(unit: "\(unit)"))
        }
        for (index, level) in CohortCounts.levelOrder.enumerated() {
            guard let count = record.levels[level.rawValue], Self.isCount(count) else {
                throw fail(.noLevelCount(unit: "\(unit)", level: level.rawValue))
            }
            counts.levels[index] = count
        }
        guard counts.levels.reduce(0, +) == counts.screened else {
            throw fail(.levelsDoNotAddUp(unit: "\(unit)"))
        }
        guard record.scales.map(\.scale) == columns.map(\.name) else {
            throw fail(.otherScales(unit: "\(unit)"))
        }
        for (index, (column, scale)) in zip(columns, record.scales).enumerated() {
            counts.scales[index] = try self.scale(scale, column: column, unit: unit)
        }
        return counts
    }

    private func scale(
        _ record: ExchangeScale, column: CohortColumn, unit: CohortUnit
    ) throws(CohortExchangeError) -> ScaleCounts {
        let (unit, scale) = ("\(unit)", column.name)
        guard Set(record.bands.keys) == Set(column.bands.map(\.id)) else {
            throw fail(.bandNamesDiffer(unit: unit, scale: scale))
        }
        let bands = column.bands.map { record.bands[$0.id] ?? 0 }
        guard Self.isCount(record.n), Self.isCount(record.unbanded), bands.allSatisfy(Self.isCount) else {
            throw fail(.notACount(unit: unit, scale: scale, maximum: Self.maximumCount))
        }
        var histogram: [Int: Int] = [:]
        for (key, count) in record.histogram {
            guard let score = Int(key) else { throw fail(.histogramKey(unit: unit, scale: scale, key: key)) }
            guard column.scaledRange.contains(score) else {
                throw fail(.histogramKeyOutside(unit: unit, scale: scale, key: score, range: "\(column.scaledRange)"))
            }
            guard Self.isCount(count) else { throw fail(.notACount(unit: unit, scale: scale, maximum: Self.maximumCount)) }
            histogram[score] = count
        }
        let scores: ScoreHistogram
        do {
            scores = try ScoreHistogram(counts: histogram)
        } catch {
            throw fail(.badStatistics(unit: unit, scale: scale, error))
        }
        guard bands.reduce(record.unbanded, +) == record.n, scores.count == record.n
        else { throw fail(.countsDisagree(unit: unit, scale: scale)) }
        let fromHistogram = scores.accumulator
        guard fromHistogram.sum == record.sum, fromHistogram.sumOfSquares == record.sumOfSquares else {
            throw fail(.sumsDisagree(unit: unit, scale: scale))
        }
        guard record.alpha.items.count == column.itemPositions.count, record.alpha.completeCases <= record.n else {
            throw fail(.alphaDoesNotFit(unit: unit, scale: scale))
        }
        return ScaleCounts(bands: bands, unbanded: record.unbanded, scores: scores, alpha: record.alpha)
    }

    /// A scale as an instrument file may define it: decimals, range, items and bands within ``InstrumentLimits``.
    private func check(_ column: CohortColumn) throws(CohortExchangeError) {
        guard InstrumentLimits.decimals.contains(column.decimals) else {
            throw fail(.scaleDecimals(scale: column.name, decimals: column.decimals, limit: InstrumentLimits.decimals.upperBound))
        }
        let limit = Int(InstrumentLimits.countedScore)
        guard column.scaledRange.lowerBound >= -limit, column.scaledRange.upperBound <= limit else {
            throw fail(.scaleRangeTooLarge(scale: column.name, range: "\(column.scaledRange)", limit: limit))
        }
        guard column.bands.count <= InstrumentLimits.bands,
            column.itemPositions.count <= InstrumentLimits.items,
            column.itemPositions.allSatisfy({ (0..<InstrumentLimits.items).contains($0) }),
            column.reversal.count == column.itemPositions.count,
            column.reversal.allSatisfy({ ($0 ?? 0).magnitude <= 2 * InstrumentLimits.optionValues.upperBound })
        else { throw fail(.scaleNotOfAnyInstrument(scale: column.name)) }
    }

    private static func isCount(_ value: Int) -> Bool { value >= 0 && value <= maximumCount }

    private func fail(_ message: ExchangeMessage) -> CohortExchangeError { CohortExchangeError(file: file, message) }
}
