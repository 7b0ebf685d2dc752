/// A cohort report as one value per row — the tidy long form of the CSV, and what the other formats pick from.
public struct CohortStatisticRow: Hashable, Sendable {
    public var unit: CohortUnit
    /// Empty for statistics of the whole unit (enrolled, levels).
    public var instrument: String
    public var scale: String
    /// `enrolled`, `screened`, `coverage_percent`, `n`, `mean`, `sd`, `median`, `alpha`, `band:<id>`,
    /// `band_percent:<id>`, `level:<red|orange|yellow>`.
    public var statistic: String
    /// As printed: a number, a coded percentage, or ``DisclosureFormat/hiddenMarker``.
    public var value: String
}

extension CohortReport {
    /// Every statistic of every unit, in report order.
    public var rows: [CohortStatisticRow] {
        var rows: [CohortStatisticRow] = []
        rows.reserveCapacity(units.count * (6 + columns.reduce(0) { $0 + 5 + 2 * $1.bands.count }))
        for unit in units {
            func add(_ statistic: String, _ value: String, _ column: CohortColumn? = nil) {
                rows.append(CohortStatisticRow(
                    unit: unit.unit, instrument: column?.instrumentID ?? "", scale: column?.scaleID ?? "",
                    statistic: statistic, value: value))
            }
            add("enrolled", String(unit.enrolled))
            add("screened", CohortValueFormat.count(unit.screened))
            add("coverage_percent", CohortValueFormat.number(unit.coveragePercent))
            for (level, count) in zip(CohortCell.publishedLevels, unit.levels) {
                add("level:\(level.rawValue)", CohortValueFormat.count(count))
            }
            for (column, scale) in zip(columns, unit.scales) {
                add("n", CohortValueFormat.count(scale.n), column)
                add("mean", CohortValueFormat.number(scale.mean), column)
                add("sd", CohortValueFormat.number(scale.sd), column)
                add("median", CohortValueFormat.number(scale.median), column)
                add("alpha", CohortValueFormat.number(scale.alpha), column)
                for (band, count) in zip(column.bands, scale.bands) {
                    add("band:\(band.id)", CohortValueFormat.count(count), column)
                }
                for (band, percent) in zip(column.bands, scale.bandPercents) {
                    add("band_percent:\(band.id)", percent, column)
                }
            }
        }
        return rows
    }
}

/// How figures are written in machine-readable outputs (CSV, JSON strings) and, rounded, for people.
public enum CohortValueFormat {
    public static func count(_ value: Int?) -> String { DisclosureFormat.count(value) }

    /// Full precision (shortest text that reads back as the same Double), or the marker.
    public static func number(_ value: Double?) -> String {
        guard let value else { return DisclosureFormat.hiddenMarker }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// Rounded half up to `decimals` for people, or the marker.
    public static func rounded(_ value: Double?, _ decimals: Int) -> String {
        guard let value else { return DisclosureFormat.hiddenMarker }
        return ScoreFormat.string(Rounding.halfUp(value, decimals: decimals), decimals: decimals)
    }
}
