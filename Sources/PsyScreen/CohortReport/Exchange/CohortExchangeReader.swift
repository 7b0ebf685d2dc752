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
        guard all.allSatisfy(Self.isCount) else { throw fail("unit \(unit): \(Self.countRule)") }
        guard counts.screened + counts.partial + counts.refused + counts.notScreened == counts.enrolled else {
            throw fail("unit \(unit): screened, partial, refused and not screened do not add up to enrolled")
        }
        for (index, level) in CohortCounts.levelOrder.enumerated() {
            guard let count = record.levels[level.rawValue], Self.isCount(count) else {
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
        guard Self.isCount(record.n), Self.isCount(record.unbanded), bands.allSatisfy(Self.isCount) else {
            throw fail("\(context): \(Self.countRule)")
        }
        var histogram: [Int: Int] = [:]
        for (key, count) in record.histogram {
            guard let score = Int(key) else { throw fail("\(context): histogram key '\(key)' is not a whole number") }
            guard column.scaledRange.contains(score) else {
                throw fail("\(context): histogram key \(score) lies outside the scale's range \(column.scaledRange)")
            }
            guard Self.isCount(count) else { throw fail("\(context): \(Self.countRule)") }
            histogram[score] = count
        }
        let scores: ScoreHistogram
        do {
            scores = try ScoreHistogram(counts: histogram)
        } catch {
            throw fail("\(context): \(error)")
        }
        guard bands.reduce(record.unbanded, +) == record.n, scores.count == record.n
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

    /// A scale as an instrument file may define it: decimals, range, items and bands within ``InstrumentLimits``.
    private func check(_ column: CohortColumn) throws(CohortExchangeError) {
        let context = "scale \(column.name)"
        guard InstrumentLimits.decimals.contains(column.decimals) else {
            throw fail("\(context): \(column.decimals) decimals (at most \(InstrumentLimits.decimals.upperBound))")
        }
        let limit = Int(InstrumentLimits.countedScore)
        guard column.scaledRange.lowerBound >= -limit, column.scaledRange.upperBound <= limit else {
            throw fail("\(context): its range \(column.scaledRange) is larger than any scale's (±\(limit))")
        }
        guard column.bands.count <= InstrumentLimits.bands,
              column.itemPositions.count <= InstrumentLimits.items,
              column.itemPositions.allSatisfy({ (0..<InstrumentLimits.items).contains($0) }),
              column.reversal.count == column.itemPositions.count,
              column.reversal.allSatisfy({ ($0 ?? 0).magnitude <= 2 * InstrumentLimits.optionValues.upperBound })
        else { throw fail("\(context): its bands or items are not those of any instrument") }
    }

    private static func isCount(_ value: Int) -> Bool { value >= 0 && value <= maximumCount }
    private static let countRule = "a count must be a whole number from 0 to \(maximumCount)"

    private func fail(_ message: String) -> CohortExchangeError { CohortExchangeError(file: file, message: message) }
}
