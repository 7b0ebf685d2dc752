/// One scale a cohort report counts: which instrument and scale, its bands, and the items whose answers give
/// Cronbach's alpha. Carries labels so that a merged report needs no instrument files.
package struct CohortColumn: Hashable, Sendable, Codable {
    package struct BandInfo: Hashable, Sendable, Codable {
        package var id: String
        /// Label per language tag (`zh-Hans`, `en`).
        package var label: [String: String]
        /// The band's scores as counted (``CohortColumn/scaled(_:)``): a band's scores lie in this range, which a
        /// reader of a published mean knows too.
        package var scaledRange: ClosedRange<Int>

        enum CodingKeys: String, CodingKey {
            case id, label
            case scaledRange = "scaled_range"
        }

        package init(id: String, label: [String: String], scaledRange: ClosedRange<Int>) {
            self.id = id
            self.label = label
            self.scaledRange = scaledRange
        }
    }

    package var instrumentID: String
    package var instrumentVersion: String
    package var scaleID: String
    package var instrumentTitle: [String: String]
    package var scaleLabel: [String: String]
    /// Decimals a score keeps: scores are counted as integers `score × 10^decimals`.
    package var decimals: Int
    /// Lowest and highest possible score, counted as integers (``scaled(_:)``).
    package var scaledRange: ClosedRange<Int>
    package var bands: [BandInfo]
    /// Position of each item of the scale in the instrument's item order (the items alpha is computed over).
    package var itemPositions: [Int]
    /// Per item of ``itemPositions``: `min + max` of its options when reverse-keyed (scored = that − answer).
    package var reversal: [Int?]

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
    package var name: String { "\(instrumentID).\(scaleID)" }

    /// The columns of `instruments`, in instrument then scale order.
    package static func columns(of instruments: [Instrument]) -> [CohortColumn] {
        instruments.flatMap { instrument in
            instrument.scales.map { CohortColumn(instrument: instrument, scale: $0) }
        }
    }

    package init(instrument: Instrument, scale: Scale) {
        instrumentID = instrument.id
        instrumentVersion = instrument.version
        scaleID = scale.id
        instrumentTitle = Self.labels(instrument.title)
        scaleLabel = Self.labels(scale.label)
        decimals = scale.decimals
        let power = Double(Rounding.power10(scale.decimals))
        let low = Int((scale.range.lowerBound * power).rounded())
        scaledRange = low...max(low, Int((scale.range.upperBound * power).rounded()))
        bands = scale.bands.map { band in
            let low = Int((band.minimum * power).rounded(.up)), high = Int((band.maximum * power).rounded(.down))
            return BandInfo(id: band.id, label: Self.labels(band.label), scaledRange: low...max(low, high))
        }
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
    package func scaled(_ score: Double) -> Int {
        Int((score * Double(Rounding.power10(decimals))).rounded())
    }

    /// Back from the counted integer to the score's units.
    package func unscaled(_ value: Double) -> Double { value / Double(Rounding.power10(decimals)) }

    /// The text in `language`, else English, else any.
    package static func text(_ labels: [String: String], _ language: String) -> String {
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
