/// One scale a cohort report counts: which instrument and scale, its bands, and the items whose answers give
/// Cronbach's alpha. Carries labels so that a merged report needs no instrument files.
public struct CohortColumn: Hashable, Sendable, Codable {
    public struct BandInfo: Hashable, Sendable, Codable {
        public var id: String
        /// Label per language tag (`zh-Hans`, `en`).
        public var label: [String: String]
    }

    public var instrumentID: String
    public var instrumentVersion: String
    public var scaleID: String
    public var instrumentTitle: [String: String]
    public var scaleLabel: [String: String]
    /// Decimals a score keeps: scores are counted as integers `score × 10^decimals`.
    public var decimals: Int
    /// Lowest and highest possible score, counted as integers (``scaled(_:)``).
    public var scaledRange: ClosedRange<Int>
    public var bands: [BandInfo]
    /// Position of each item of the scale in the instrument's item order (the items alpha is computed over).
    public var itemPositions: [Int]
    /// Per item of ``itemPositions``: `min + max` of its options when reverse-keyed (scored = that − answer).
    public var reversal: [Int?]

    enum CodingKeys: String, CodingKey {
        case decimals, bands, reversal
        case instrumentID = "instrument"
        case instrumentVersion = "instrument_version"
        case scaleID = "scale"
        case instrumentTitle = "instrument_title"
        case scaleLabel = "scale_label"
        case scaledRange = "scaled_range"
        case itemPositions = "item_positions"
    }

    /// `phq9.total`.
    public var name: String { "\(instrumentID).\(scaleID)" }

    /// The columns of `instruments`, in instrument then scale order.
    public static func columns(of instruments: [Instrument]) -> [CohortColumn] {
        instruments.flatMap { instrument in
            instrument.scales.map { CohortColumn(instrument: instrument, scale: $0) }
        }
    }

    public init(instrument: Instrument, scale: Scale) {
        instrumentID = instrument.id
        instrumentVersion = instrument.version
        scaleID = scale.id
        instrumentTitle = Self.labels(instrument.title)
        scaleLabel = Self.labels(scale.label)
        decimals = scale.decimals
        let power = Double(Rounding.power10(scale.decimals))
        let low = Int((scale.range.lowerBound * power).rounded())
        scaledRange = low...max(low, Int((scale.range.upperBound * power).rounded()))
        bands = scale.bands.map { BandInfo(id: $0.id, label: Self.labels($0.label)) }
        // A derived scale (WHO-5 percent) is a linear transform of its base: same items, same alpha.
        var definition = scale.definition
        var hops = 0
        while case .derived(let of, _, _) = definition, let base = instrument.scale(of), hops < 8 {
            definition = base.definition
            hops += 1
        }
        if case .items(_, let itemIDs, _, _) = definition {
            let items = itemIDs.compactMap { id in instrument.items.firstIndex { $0.id == id } }
            itemPositions = items
            reversal = items.map { position in
                let item = instrument.items[position]
                guard item.isReversed else { return nil }
                let set = instrument.responses(for: item)
                return set.minimumValue + set.maximumValue
            }
        } else {
            itemPositions = []
            reversal = []
        }
    }

    /// The integer a score is counted as.
    public func scaled(_ score: Double) -> Int {
        Int((score * Double(Rounding.power10(decimals))).rounded())
    }

    /// Back from the counted integer to the score's units.
    public func unscaled(_ value: Double) -> Double { value / Double(Rounding.power10(decimals)) }

    /// The text in `language`, else English, else any.
    public static func text(_ labels: [String: String], _ language: String) -> String {
        if let exact = labels[language] { return exact }
        let primary = language.split(separator: "-").first.map(String.init) ?? language
        if let close = labels.first(where: { $0.key.hasPrefix(primary) }) { return close.value }
        return labels["en"] ?? labels.values.sorted().first ?? ""
    }

    private static func labels(_ text: LocalizedText) -> [String: String] {
        var result: [String: String] = [:]
        for translation in text.translations where result[translation.language] == nil {
            result[translation.language] = translation.text
        }
        return result
    }
}
