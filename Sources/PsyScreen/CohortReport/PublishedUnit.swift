/// One unit's figures as any output may show them, a ``DisclosurePattern`` applied: nil where hidden. Reports
/// render them, exchange files carry them, and a merge adds them up — so a merged district report holds exactly
/// what the schools' files hold, and nothing that a school's own pattern hid.
package struct PublishedUnit: Hashable, Sendable {
    package var unit: CohortUnit
    /// Coverage counts (public: the coverage list shows them).
    package var enrolled: Int
    /// Nil for a unit below k, which shows only its enrolment.
    package var screened: Int?
    package var partial: Int?
    package var refused: Int?
    package var notScreened: Int?
    package var onLeave: Int?
    package var onInternship: Int?
    /// Red, orange, yellow (``CohortCell/publishedLevels``).
    package var levels: [Int?]
    package var scales: [PublishedScale]

    package init(
        unit: CohortUnit, enrolled: Int, screened: Int?, partial: Int?, refused: Int?, notScreened: Int?,
        onLeave: Int?, onInternship: Int?, levels: [Int?], scales: [PublishedScale]
    ) {
        self.unit = unit
        self.enrolled = enrolled
        self.screened = screened
        self.partial = partial
        self.refused = refused
        self.notScreened = notScreened
        self.onLeave = onLeave
        self.onInternship = onInternship
        self.levels = levels
        self.scales = scales
    }

    /// The unit's figures under `pattern`.
    package init(_ unit: CohortUnit, _ counts: CohortCounts, pattern: DisclosurePattern, columns: [CohortColumn]) {
        let hidden = pattern.hidden[unit] ?? []
        let small = hidden.contains(.screened)
        self.unit = unit
        enrolled = counts.enrolled
        screened = small ? nil : counts.screened
        partial = small ? nil : counts.partial
        refused = small ? nil : counts.refused
        notScreened = small ? nil : counts.notScreened
        onLeave = small ? nil : counts.onLeave
        onInternship = small ? nil : counts.onInternship
        levels = CohortCell.publishedLevels.map { hidden.contains(.level($0)) ? nil : counts.count($0) }
        scales = columns.indices.map { index in
            let scale = counts.scales[index]
            let distribution = pattern.distributions[index].contains(unit)
            return PublishedScale(
                n: hidden.contains(.n(index)) ? nil : scale.n,
                bands: columns[index].bands.indices.map { hidden.contains(.band(index, $0)) ? nil : scale.bands[$0] },
                sums: distribution ? scale.scores.accumulator : nil,
                median: distribution ? scale.scores.median : nil,
                histogram: pattern.histograms[index].contains(unit) ? scale.scores : nil,
                alpha: pattern.reliabilities[index].contains(unit) ? scale.alpha.alpha : nil,
                itemSums: pattern.itemSums[index].contains(unit) ? scale.alpha : nil)
        }
    }

    /// The sum of `parts` (the schools of a merge): each figure where every part shows it, else nil.
    package init(sumOf parts: [PublishedUnit], as unit: CohortUnit, columns: [CohortColumn]) {
        func total(_ values: [Int?]) -> Int? {
            values.reduce(Optional(0)) { sum, value in sum.flatMap { s in value.map { s + $0 } } }
        }
        self.unit = unit
        enrolled = parts.reduce(0) { $0 + $1.enrolled }
        screened = total(parts.map(\.screened))
        partial = total(parts.map(\.partial))
        refused = total(parts.map(\.refused))
        notScreened = total(parts.map(\.notScreened))
        onLeave = total(parts.map(\.onLeave))
        onInternship = total(parts.map(\.onInternship))
        levels = CohortCell.publishedLevels.indices.map { index in total(parts.map { $0.levels[index] }) }
        scales = columns.indices.map { column in
            let scales = parts.map { $0.scales[column] }
            func merged<T>(_ value: (PublishedScale) -> T?, _ combine: (inout T, T) -> Void) -> T? {
                guard var result = scales.first.flatMap(value) else { return nil }
                for scale in scales.dropFirst() {
                    guard let part = value(scale) else { return nil }
                    combine(&result, part)
                }
                return result
            }
            let histogram = merged(\.histogram) { $0.merge($1) }
            let itemSums = merged(\.itemSums) { $0.merge($1) }
            return PublishedScale(
                n: total(scales.map(\.n)),
                bands: columns[column].bands.indices.map { band in total(scales.map { $0.bands[band] }) },
                sums: merged(\.sums) { $0.merge($1) },
                median: scales.count == 1 ? scales[0].median : histogram?.median, histogram: histogram,
                alpha: scales.count == 1 ? scales[0].alpha : itemSums?.alpha, itemSums: itemSums)
        }
    }
}

/// One scale of a ``PublishedUnit``; nil where not published.
package struct PublishedScale: Hashable, Sendable {
    package var n: Int?
    /// Per band of the column.
    package var bands: [Int?]
    /// Count, sum and sum of squares of the scores as counted: mean and SD.
    package var sums: ScoreAccumulator?
    /// In counted units (score × 10^decimals).
    package var median: Double?
    /// The scores per counted value, distinct scores only (exchange files: the median of a merge).
    package var histogram: ScoreHistogram?
    package var alpha: Double?
    /// The sums alpha follows from (exchange files: the alpha of a merge).
    package var itemSums: AlphaAccumulator?

    package init(
        n: Int?, bands: [Int?], sums: ScoreAccumulator?, median: Double?, histogram: ScoreHistogram?, alpha: Double?,
        itemSums: AlphaAccumulator?
    ) {
        self.n = n
        self.bands = bands
        self.sums = sums
        self.median = median
        self.histogram = histogram
        self.alpha = alpha
        self.itemSums = itemSums
    }
}
