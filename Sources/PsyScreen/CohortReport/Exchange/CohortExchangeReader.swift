/// Turns a decoded exchange document into checked ``PublishedUnit``s.
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
        let k = document.stamp.minimumCellSize
        guard k >= MinimumCellSize.floor, k <= Self.maximumCount else {
            throw fail(.kOutOfRange(k: k, floor: MinimumCellSize.floor))
        }
        var seen: Set<CohortUnit> = []
        var units: [PublishedUnit] = []
        for record in document.units {
            let unit = try self.unit(record)
            guard seen.insert(unit).inserted else { throw fail(.unitTwice("\(unit)")) }
            guard record.enrolled >= k else {
                throw fail(.unitBelowK(unit: "\(unit)", enrolled: record.enrolled, k: k))
            }
            units.append(try published(record, unit: unit, columns: columns))
        }
        return CohortExchange(stamp: document.stamp, columns: columns, units: units, isDraft: document.draft ?? false)
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

    private func published(
        _ record: ExchangeUnit, unit: CohortUnit, columns: [CohortColumn]
    ) throws(CohortExchangeError) -> PublishedUnit {
        let coverage = [record.screened, record.partial, record.refused, record.notScreened]
        let all = [record.enrolled] + (coverage + [record.onLeave, record.onInternship]).compactMap { $0 }
        guard all.allSatisfy(Self.isCount) else {
            throw fail(.notACount(unit: "\(unit)", scale: nil, maximum: Self.maximumCount))
        }
        if coverage.allSatisfy({ $0 != nil }), coverage.reduce(0, { $0 + $1! }) != record.enrolled {
            throw fail(.statesDoNotAddUp(unit: "\(unit)"))
        }
        guard Set(record.levels.keys) == Set(CohortCell.publishedLevels.map(\.rawValue)) else {
            throw fail(.publishedLevels(unit: "\(unit)"))
        }
        let levels = CohortCell.publishedLevels.map { record.levels[$0.rawValue] ?? nil }
        guard levels.allSatisfy({ Self.isCount($0 ?? 0) }),
            levels.compactMap({ $0 }).reduce(0, +) <= record.screened ?? .max
        else { throw fail(.levelsExceedScreened(unit: "\(unit)")) }
        guard record.scales.map(\.scale) == columns.map(\.name) else {
            throw fail(.otherScales(unit: "\(unit)"))
        }
        var scales: [PublishedScale] = []
        for (column, scale) in zip(columns, record.scales) { scales.append(try self.scale(scale, column: column, unit: unit)) }
        return PublishedUnit(
            unit: unit, enrolled: record.enrolled, screened: record.screened, partial: record.partial,
            refused: record.refused, notScreened: record.notScreened, onLeave: record.onLeave,
            onInternship: record.onInternship, levels: levels, scales: scales)
    }

    private func scale(
        _ record: ExchangeScale, column: CohortColumn, unit: CohortUnit
    ) throws(CohortExchangeError) -> PublishedScale {
        let (unit, scale) = ("\(unit)", column.name)
        guard Set(record.bands.keys) == Set(column.bands.map(\.id)) else {
            throw fail(.bandNamesDiffer(unit: unit, scale: scale))
        }
        let bands = column.bands.map { record.bands[$0.id] ?? nil }
        guard bands.allSatisfy({ Self.isCount($0 ?? 0) }), Self.isCount(record.n ?? 0),
            bands.compactMap({ $0 }).reduce(0, +) <= record.n ?? .max
        else { throw fail(.bandsExceedN(unit: unit, scale: scale)) }
        let k = document.stamp.minimumCellSize
        var sums: ScoreAccumulator?
        if let count = record.count, let sum = record.sum, let squares = record.sumOfSquares, let median = record.median {
            do {
                sums = try ScoreAccumulator(count: count, sum: sum, sumOfSquares: squares)
            } catch {
                throw fail(.badStatistics(unit: unit, scale: scale, error))
            }
            guard count == record.n, count >= k, median.isFinite, Double(column.scaledRange.lowerBound) <= median,
                median <= Double(column.scaledRange.upperBound)
            else {
                throw fail(.sumsNotOfN(unit: unit, scale: scale))
            }
        } else if record.count != nil || record.sum != nil || record.sumOfSquares != nil || record.median != nil {
            throw fail(.sumsGoTogether(unit: unit, scale: scale))
        }
        var scores: ScoreHistogram?
        if let histogram = record.histogram {
            var counts: [Int: Int] = [:]
            for (key, count) in histogram {
                guard let score = Int(key) else { throw fail(.histogramKey(unit: unit, scale: scale, key: key)) }
                guard column.scaledRange.contains(score) else {
                    throw fail(.histogramKeyOutside(unit: unit, scale: scale, key: score, range: "\(column.scaledRange)"))
                }
                guard Self.isCount(count) else { throw fail(.notACount(unit: unit, scale: scale, maximum: Self.maximumCount)) }
                counts[score] = count
            }
            do {
                scores = try ScoreHistogram(counts: counts)
            } catch {
                throw fail(.badStatistics(unit: unit, scale: scale, error))
            }
            guard let sums, scores!.count == sums.count, scores!.accumulator == sums, scores!.median == record.median,
                bands.allSatisfy({ $0 != nil })
            else { throw fail(.histogramDisagrees(unit: unit, scale: scale)) }
        }
        if let alpha = record.alpha {
            guard sums != nil, alpha.items.count == column.itemPositions.count, alpha.completeCases <= record.n ?? 0,
                alpha.completeCases >= k, alpha.alpha == record.cronbachAlpha
            else { throw fail(.alphaDoesNotFit(unit: unit, scale: scale)) }
        }
        if let value = record.cronbachAlpha, sums == nil || !value.isFinite || value > 1 {
            throw fail(.alphaWithoutDistribution(unit: unit, scale: scale))
        }
        return PublishedScale(
            n: record.n, bands: bands, sums: sums, median: record.median, histogram: scores, alpha: record.cronbachAlpha,
            itemSums: record.alpha)
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
            column.bands.allSatisfy({
                column.scaledRange.contains($0.scaledRange.lowerBound)
                    && column.scaledRange.contains($0.scaledRange.upperBound)
            }),
            column.itemPositions.count <= InstrumentLimits.items,
            column.itemPositions.allSatisfy({ (0..<InstrumentLimits.items).contains($0) }),
            column.reversal.count == column.itemPositions.count,
            column.reversal.allSatisfy({ ($0 ?? 0).magnitude <= 2 * InstrumentLimits.optionValues.upperBound })
        else { throw fail(.scaleNotOfAnyInstrument(scale: column.name)) }
    }

    private static func isCount(_ value: Int) -> Bool { value >= 0 && value <= maximumCount }

    private func fail(_ message: ExchangeMessage) -> CohortExchangeError { CohortExchangeError(file: file, message) }
}
