/// ``CohortCounts`` with dense score histograms where a scale's grid is small, for fast counting and summing.
struct DenseCounts: Sendable {
    var base: CohortCounts
    /// Per column: respondents per scaled score, offset by the column's lowest score; empty for a column whose
    /// grid is larger than ``denseLimit``.
    var histograms: [[Int]]
    /// Per column: scores not in its dense histogram — every score of a large grid (a mean scale with many
    /// decimals: 0–3 with 6 decimals is 3,000,001 points per unit), and scores outside the range (never seen with
    /// validated keys, kept so nothing is lost). Memory grows with the distinct scores, not with the grid.
    var outliers: [ScoreHistogram]

    /// Grid points up to which a column is counted in an array (a sum scale's 0…27, a mean with 2 decimals).
    static let denseLimit = 4_096

    init(columns: [CohortColumn]) {
        base = CohortCounts(columns: columns)
        histograms = columns.map {
            $0.scaledRange.count <= Self.denseLimit ? Array(repeating: 0, count: $0.scaledRange.count) : []
        }
        outliers = Array(repeating: ScoreHistogram(), count: columns.count)
    }

    mutating func count(_ entry: CohortEntry, columns: [CohortColumn], buffer: inout [Int]) {
        switch entry.status {
        case .leave:
            base.onLeave += 1
            return
        case .internship:
            base.onInternship += 1
            return
        case .withdrawn: return
        case .enrolled: base.enrolled += 1
        }
        switch entry.state {
        case .screened: base.screened += 1
        case .partial:
            base.partial += 1
            return
        case .refused:
            base.refused += 1
            return
        case .notScreened:
            base.notScreened += 1
            return
        }
        switch entry.level {
        case .none: base.levels[0] += 1
        case .yellow: base.levels[1] += 1
        case .orange: base.levels[2] += 1
        case .red: base.levels[3] += 1
        }
        for column in columns.indices {
            guard let score = entry.scores[column] else { continue }
            if let band = entry.bands[column], band < base.scales[column].bands.count {
                base.scales[column].bands[band] += 1
            } else {
                base.scales[column].unbanded += 1
            }
            let range = columns[column].scaledRange
            if !histograms[column].isEmpty && range.contains(score) {
                histograms[column][score - range.lowerBound] += 1
            } else {
                outliers[column].add(score)
            }
            let items = entry.items[column]
            guard !items.isEmpty, items.allSatisfy({ $0 != nil }) else { continue }
            buffer.removeAll(keepingCapacity: true)
            for item in items { buffer.append(item!) }
            base.scales[column].alpha.add(buffer)
        }
    }

    mutating func merge(_ other: DenseCounts) {
        base.merge(other.base)
        for column in histograms.indices {
            for index in histograms[column].indices { histograms[column][index] += other.histograms[column][index] }
            outliers[column].merge(other.outliers[column])
        }
    }

    func counts(columns: [CohortColumn]) -> CohortCounts {
        var result = base
        for (column, histogram) in histograms.enumerated() {
            var scores = outliers[column]
            let low = columns[column].scaledRange.lowerBound
            for (offset, count) in histogram.enumerated() where count > 0 { scores.add(low + offset, times: count) }
            result.scales[column].scores = scores
        }
        return result
    }
}
