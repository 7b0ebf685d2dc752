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
            guard units[unit] == nil else { throw fail("unit \(unit) appears twice") }
            units[unit] = try counts(record, unit: unit, columns: columns)
            var cells: Set<CohortCell> = []
            for name in record.withheld {
                guard let cell = CohortCell(name: name, columns: columns) else {
                    throw fail("unit \(unit): unknown withheld figure '\(name)'")
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
            throw fail("exchange files hold school and grade units, not '\(record.level.rawValue)'")
        }
        var group: (CohortUnit.GroupAttribute, String)?
        if !record.group.isEmpty {
            let parts = record.group.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let attribute = CohortUnit.GroupAttribute(rawValue: parts[0]) else {
                throw fail("unknown group '\(record.group)'")
            }
            group = (attribute, parts[1])
        }
        guard !record.school.isEmpty, (record.level == .school) == record.grade.isEmpty else {
            throw fail("a \(record.level.rawValue) unit needs a school\(record.level == .grade ? " and a grade" : " and no grade")")
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
        guard all.allSatisfy({ $0 >= 0 }) else { throw fail("unit \(unit): a negative count") }
        guard counts.screened + counts.partial + counts.refused + counts.notScreened == counts.enrolled else {
            throw fail("unit \(unit): screened, partial, refused and not screened do not add up to enrolled")
        }
        for (index, level) in CohortCounts.levelOrder.enumerated() {
            guard let count = record.levels[level.rawValue], count >= 0 else {
                throw fail("unit \(unit): no count for level '\(level.rawValue)'")
            }
            counts.levels[index] = count
        }
        guard counts.levels.reduce(0, +) == counts.screened else {
            throw fail("unit \(unit): the warning levels do not add up to the screened count")
        }
        guard record.scales.map(\.scale) == columns.map(\.name) else {
            throw fail("unit \(unit): its scales differ from the file's scale list")
        }
        for (index, (column, scale)) in zip(columns, record.scales).enumerated() {
            counts.scales[index] = try self.scale(scale, column: column, unit: unit)
        }
        return counts
    }

    private func scale(
        _ record: ExchangeScale, column: CohortColumn, unit: CohortUnit
    ) throws(CohortExchangeError) -> ScaleCounts {
        let context = "unit \(unit), \(column.name)"
        guard Set(record.bands.keys) == Set(column.bands.map(\.id)) else { throw fail("\(context): band names differ") }
        let bands = column.bands.map { record.bands[$0.id] ?? 0 }
        var histogram: [Int: Int] = [:]
        for (key, count) in record.histogram {
            guard let score = Int(key) else { throw fail("\(context): histogram key '\(key)' is not a whole number") }
            histogram[score] = count
        }
        let scores: ScoreHistogram
        do {
            scores = try ScoreHistogram(counts: histogram)
        } catch {
            throw fail("\(context): \(error)")
        }
        guard bands.allSatisfy({ $0 >= 0 }), record.unbanded >= 0,
              bands.reduce(record.unbanded, +) == record.n, scores.count == record.n
        else { throw fail("\(context): band counts, histogram and n do not agree") }
        let fromHistogram = scores.accumulator
        guard fromHistogram.sum == record.sum, fromHistogram.sumOfSquares == record.sumOfSquares else {
            throw fail("\(context): the sums do not match the histogram")
        }
        guard record.alpha.items.count == column.itemPositions.count, record.alpha.completeCases <= record.n else {
            throw fail("\(context): the alpha sums do not fit the scale")
        }
        return ScaleCounts(bands: bands, unbanded: record.unbanded, scores: scores, alpha: record.alpha)
    }

    private func fail(_ message: String) -> CohortExchangeError { CohortExchangeError(file: file, message: message) }
}
