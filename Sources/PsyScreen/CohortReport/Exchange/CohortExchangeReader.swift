/// Turns a decoded exchange document into checked ``CohortTables``.
struct CohortExchangeReader {
    let document: ExchangeDocument
    let file: String

    func read() throws(CohortExchangeError) -> CohortExchange {
        let columns = document.scales
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
        let all = [counts.enrolled, counts.screened, counts.partial, counts.refused, counts.notScreened,
                   counts.onLeave, counts.onInternship]
        guard all.allSatisfy({ $0 >= 0 }) else { throw fail(.negativeCount(unit: "\(unit)")) }
        guard counts.screened + counts.partial + counts.refused + counts.notScreened == counts.enrolled else {
            throw fail(.statesDoNotAddUp(unit: "\(unit)"))
        }
        for (index, level) in CohortCounts.levelOrder.enumerated() {
            guard let count = record.levels[level.rawValue], count >= 0 else {
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
        guard Set(record.bands.keys) == Set(column.bands.map(\.id)) else { throw fail(.bandNamesDiffer(unit: unit, scale: scale)) }
        let bands = column.bands.map { record.bands[$0.id] ?? 0 }
        var histogram: [Int: Int] = [:]
        for (key, count) in record.histogram {
            guard let score = Int(key) else { throw fail(.histogramKey(unit: unit, scale: scale, key: key)) }
            histogram[score] = count
        }
        let scores: ScoreHistogram
        do {
            scores = try ScoreHistogram(counts: histogram)
        } catch {
            throw fail(.badStatistics(unit: unit, scale: scale, error))
        }
        guard bands.allSatisfy({ $0 >= 0 }), record.unbanded >= 0,
              bands.reduce(record.unbanded, +) == record.n, scores.count == record.n
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

    private func fail(_ message: ExchangeMessage) -> CohortExchangeError { CohortExchangeError(file: file, message) }
}
