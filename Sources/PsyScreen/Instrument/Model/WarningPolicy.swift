/// Which results give which warning level: data in the battery file, so a school can change cut-offs.
package struct WarningPolicy: Hashable, Sendable {
    /// One condition of a level.
    package enum Condition: Hashable, Sendable, CustomStringConvertible {
        /// The instrument raised this flag.
        case flag(instrument: String, flag: String)
        /// The scale's score falls in one of these bands.
        case bands(instrument: String, scale: String, bandIDs: [String])
        /// The scale's score lies in `minimum...maximum` (either end open when nil).
        case score(instrument: String, scale: String, minimum: Double?, maximum: Double?)

        package var description: String {
            switch self {
            case .flag(let instrument, let flag):
                return "\(instrument) flag \(flag)"
            case .bands(let instrument, let scale, let bandIDs):
                return "\(instrument).\(scale) in \(bandIDs.joined(separator: "/"))"
            case .score(let instrument, let scale, let minimum, let maximum):
                switch (minimum, maximum) {
                case (let low?, let high?): return "\(instrument).\(scale) \(format(low))–\(format(high))"
                case (let low?, nil): return "\(instrument).\(scale) ≥ \(format(low))"
                case (nil, let high?): return "\(instrument).\(scale) ≤ \(format(high))"
                case (nil, nil): return "\(instrument).\(scale) scored"
                }
            }
        }
    }

    /// Conditions per level, for `red`, `orange` and `yellow`. A level applies when any of its conditions holds;
    /// the highest level wins.
    package var conditions: [WarningLevel: [Condition]]

    package init(conditions: [WarningLevel: [Condition]]) { self.conditions = conditions }
}

func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
