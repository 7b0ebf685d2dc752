/// A count of a unit that disclosure control decides on: the screened count, a scale's `n`, a band count or a
/// warning-level count.
package enum CohortCell: Hashable, Sendable, CustomStringConvertible {
    case screened
    /// A scale's n, by column index.
    case n(Int)
    /// A band count: column index and band index.
    case band(Int, Int)
    /// Students of a level (red, orange, yellow; `none` is never published).
    case level(WarningLevel)

    /// A band or level count (what disclosure control protects), not screened or n (public).
    package var isCount: Bool {
        switch self {
        case .band, .level: true
        case .screened, .n: false
        }
    }

    /// The levels a report publishes, most urgent first.
    package static let publishedLevels: [WarningLevel] = [.red, .orange, .yellow]

    /// The name used in exchange files: `screened`, `phq9.total:n`, `phq9.total:band:mild`, `level:red`.
    package func name(_ columns: [CohortColumn]) -> String {
        switch self {
        case .screened: "screened"
        case .n(let column): "\(columns[column].name):n"
        case .band(let column, let band): "\(columns[column].name):band:\(columns[column].bands[band].id)"
        case .level(let level): "level:\(level.rawValue)"
        }
    }

    /// The cell a name stands for; nil for an unknown name.
    package init?(name: String, columns: [CohortColumn]) {
        if name == "screened" {
            self = .screened
            return
        }
        if name.hasPrefix("level:"), let level = WarningLevel(rawValue: String(name.dropFirst(6))), level != .none {
            self = .level(level)
            return
        }
        for (index, column) in columns.enumerated() {
            if name == "\(column.name):n" {
                self = .n(index)
                return
            }
            for (band, info) in column.bands.enumerated() where name == "\(column.name):band:\(info.id)" {
                self = .band(index, band)
                return
            }
        }
        return nil
    }

    package var description: String {
        switch self {
        case .screened: "screened"
        case .n(let column): "n[\(column)]"
        case .band(let column, let band): "band[\(column)][\(band)]"
        case .level(let level): "level:\(level.rawValue)"
        }
    }
}
