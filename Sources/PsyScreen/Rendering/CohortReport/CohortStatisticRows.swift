/// A cohort report as one value per row — the tidy long form of the CSV, and what the other formats pick from.
package struct CohortStatisticRow: Hashable, Sendable {
    package var unit: CohortUnit
    /// Empty for statistics of the whole unit (enrolled, levels).
    package var instrument: String
    package var scale: String
    /// `enrolled`, `screened`, `coverage_percent`, `n`, `mean`, `sd`, `median`, `alpha`, `band:<id>`,
    /// `band_percent:<id>`, `level:<red|orange|yellow>`.
    package var statistic: String
    /// As printed: a number, a coded percentage, or ``DisclosureFormat/hiddenMarker``.
    package var value: String
}

extension CohortReport {
    /// Every statistic of every unit, in report order.
    package var rows: [CohortStatisticRow] {
        var rows: [CohortStatisticRow] = []
        rows.reserveCapacity(units.count * (6 + columns.reduce(0) { $0 + 5 + 2 * $1.bands.count }))
        forEachStatistic { unit, column, statistic, value in
            rows.append(
                CohortStatisticRow(
                    unit: unit.unit, instrument: column.map { columns[$0].instrumentID } ?? "",
                    scale: column.map { columns[$0].scaleID } ?? "", statistic: statistic, value: value))
        }
        return rows
    }

    /// Calls `body` for every statistic in report order: the unit, the column index (nil for whole-unit
    /// statistics), the statistic's name and its printed value.
    package func forEachStatistic(_ body: (Unit, Int?, String, String) -> Void) {
        let names = StatisticNames(columns)
        for unit in units {
            forEachStatistic(of: unit, names) { body(unit, $0, $1, $2) }
        }
    }

    /// The statistics' names, made once per report.
    struct StatisticNames {
        let bands: [[String]]
        let percents: [[String]]
        let levels = CohortCell.publishedLevels.map { "level:\($0.rawValue)" }

        init(_ columns: [CohortColumn]) {
            bands = columns.map { $0.bands.map { "band:\($0.id)" } }
            percents = columns.map { $0.bands.map { "band_percent:\($0.id)" } }
        }
    }

    /// Calls `body` for every statistic of `unit` in report order: the column index (nil for whole-unit
    /// statistics), the statistic's name and its printed value.
    func forEachStatistic(of unit: Unit, _ names: StatisticNames, _ body: (Int?, String, String) -> Void) {
        body(nil, "enrolled", String(unit.enrolled))
        body(nil, "screened", CohortValueFormat.count(unit.screened))
        body(nil, "coverage_percent", CohortValueFormat.number(unit.coveragePercent))
        for (name, count) in zip(names.levels, unit.levels) { body(nil, name, CohortValueFormat.count(count)) }
        for (index, scale) in unit.scales.enumerated() {
            body(index, "n", CohortValueFormat.count(scale.n))
            body(index, "mean", CohortValueFormat.number(scale.mean))
            body(index, "sd", CohortValueFormat.number(scale.sd))
            body(index, "median", CohortValueFormat.number(scale.median))
            body(index, "alpha", CohortValueFormat.number(scale.alpha))
            for (name, count) in zip(names.bands[index], scale.bands) { body(index, name, CohortValueFormat.count(count)) }
            for (name, percent) in zip(names.percents[index], scale.bandPercents) { body(index, name, percent) }
        }
    }
}

/// How figures are written in machine-readable outputs (CSV, JSON strings) and, rounded, for people.
package enum CohortValueFormat {
    package static func count(_ value: Int?) -> String { DisclosureFormat.count(value) }

    /// Full precision (shortest text that reads back as the same Double), or the marker.
    package static func number(_ value: Double?) -> String {
        guard let value else { return DisclosureFormat.hiddenMarker }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// Rounded half up to `decimals` for people, or the marker.
    package static func rounded(_ value: Double?, _ decimals: Int) -> String {
        guard let value else { return DisclosureFormat.hiddenMarker }
        return ScoreFormat.string(Rounding.halfUp(value, decimals: decimals), decimals: decimals)
    }
}
