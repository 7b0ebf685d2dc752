/// Scores one instrument: answers → scale scores, bands, flags, validity findings and a status.
///
/// Pure and reusable: build one per instrument (it precomputes item positions) and call ``score(_:seconds:)`` for
/// every form. Answers are raw values as on the paper form; reverse keying is applied here, never on input.
package struct ScoringEngine: Sendable {
    package let instrument: Instrument

    private struct ItemKey: Sendable {
        var allowed: [Int]
        var minimum: Int
        var maximum: Int
        var reversed: Bool
    }

    private enum ScaleKey: Sendable {
        case items(positions: [Int], method: Scale.Method, minimumAnswered: Int, prorate: Bool)
        case derived(base: Int, multiply: Double, add: Double)
    }

    private let items: [ItemKey]
    private let scaleKeys: [ScaleKey]
    private let straightLining: [Int]

    package init(_ instrument: Instrument) {
        self.instrument = instrument
        let positions = Dictionary(uniqueKeysWithValues: instrument.items.enumerated().map { ($1.id, $0) })
        items = instrument.items.map { item in
            let set = instrument.responses(for: item)
            return ItemKey(
                allowed: set.values.sorted(), minimum: set.minimumValue, maximum: set.maximumValue,
                reversed: item.isReversed)
        }
        scaleKeys = instrument.scales.map { scale in
            switch scale.definition {
            case .items(let method, let itemIDs, let minimumAnswered, let prorate):
                return .items(
                    positions: itemIDs.compactMap { positions[$0] }, method: method, minimumAnswered: minimumAnswered,
                    prorate: prorate)
            case .derived(let of, let multiply, let add):
                return .derived(
                    base: instrument.scales.firstIndex { $0.id == of } ?? 0, multiply: multiply, add: add)
            }
        }
        straightLining = instrument.validity.straightLiningScales.compactMap { id in
            instrument.scales.firstIndex { $0.id == id }
        }
    }

    /// Position of an item in the answers array (the instrument's item order).
    package func position(ofItem id: String) -> Int? { instrument.items.firstIndex { $0.id == id } }

    /// Whether `value` is one of the options of the item at `position`.
    package func accepts(_ value: Int, at position: Int) -> Bool {
        let key = items[position]
        return value >= key.minimum && value <= key.maximum && key.allowed.contains(value)
    }

    /// The values of the options of the item at `position`, ascending.
    package func options(at position: Int) -> [Int] { items[position].allowed }

    /// Scores answers given by item id; an item absent from `answers` is missing.
    package func score(answers: [String: Int], seconds: Double? = nil) throws(ScoringError) -> InstrumentResult {
        for id in answers.keys where position(ofItem: id) == nil {
            throw ScoringError(instrumentID: instrument.id, itemID: id, reason: .unknownItem)
        }
        return try score(instrument.items.map { answers[$0.id] }, seconds: seconds)
    }

    /// Scores answers in the instrument's item order (`nil` = missing). `seconds` is the time taken, when known.
    package func score(_ answers: [Int?], seconds: Double? = nil) throws(ScoringError) -> InstrumentResult {
        precondition(answers.count == items.count, "one answer slot per item")
        for (position, answer) in answers.enumerated() {
            if let value = answer, !accepts(value, at: position) {
                throw ScoringError(
                    instrumentID: instrument.id, itemID: instrument.items[position].id,
                    reason: .notAnOption(value: value, allowed: items[position].allowed))
            }
        }
        var scores: [ScaleScore] = []
        scores.reserveCapacity(scaleKeys.count)
        for (index, key) in scaleKeys.enumerated() {
            scores.append(scoreScale(instrument.scales[index], key, answers, earlier: scores))
        }
        let raised = instrument.raisedFlags(answers).map { instrument.flags[$0] }
        var findings: [ValidityFinding] = []
        if let seconds, let minimum = instrument.validity.minimumSeconds, seconds < Double(minimum) {
            findings.append(.tooFast(seconds: seconds, minimum: minimum))
        }
        for index in straightLining {
            guard case .items(let positions, _, _, _) = scaleKeys[index] else { continue }
            let values = positions.map { answers[$0] }
            if let first = values.first ?? nil, values.allSatisfy({ $0 == first }) {
                findings.append(.straightLining(scale: instrument.scales[index].id))
            }
        }
        return InstrumentResult(
            instrumentID: instrument.id, instrumentVersion: instrument.version, scales: scores, flags: raised.map(\.id),
            hasCrisis: raised.contains { $0.kind == .crisis }, validity: findings, status: scores.map(\.status).max() ?? .complete
        )
    }

    private func scoreScale(_ scale: Scale, _ key: ScaleKey, _ answers: [Int?], earlier: [ScaleScore]) -> ScaleScore {
        switch key {
        case .items(let positions, let method, let minimumAnswered, let prorate):
            var sum = 0
            var answered = 0
            for position in positions {
                guard let value = answers[position] else { continue }
                sum += keyedValue(value, at: position)
                answered += 1
            }
            return Self.itemScaleScore(
                scale, method: method, itemCount: positions.count, minimumAnswered: minimumAnswered, prorate: prorate,
                sum: sum, answered: answered)
        case .derived(let base, let multiply, let add):
            return Self.derivedScaleScore(scale, multiply: multiply, add: add, source: earlier[base])
        }
    }

    /// The answer as it counts in a sum: reverse-keyed items count `minimum + maximum - value`.
    package func keyedValue(_ value: Int, at position: Int) -> Int {
        let item = items[position]
        return item.reversed ? item.minimum + item.maximum - value : value
    }

    /// The score of a scale computed from items, given only the sum of the keyed answers and how many of its
    /// `itemCount` items were answered: everything the rule needs. Bulk scoring tabulates it per (sum, answered).
    package static func itemScaleScore(
        _ scale: Scale, method: Scale.Method, itemCount count: Int, minimumAnswered: Int, prorate: Bool, sum: Int,
        answered: Int
    ) -> ScaleScore {
        let status: ScoringStatus = answered == count ? .complete : answered >= minimumAnswered ? .prorated : .unscored
        var score: Double?
        switch (status, method) {
        case (.unscored, _):
            score = nil
        case (.complete, .sum):
            score = Double(sum)
        case (.prorated, .sum):
            score = prorate ? Rounding.halfUp(sum * count, over: answered, decimals: 0) : nil
        case (_, .mean):
            score = Rounding.halfUp(sum, over: answered, decimals: scale.decimals)
        }
        return ScaleScore(
            scaleID: scale.id, score: score, answered: answered, itemCount: count,
            status: score == nil ? .unscored : status, bandID: score.flatMap { scale.band(for: $0)?.id })
    }

    /// The score of a derived scale (`multiply × source + add`) from the score of the scale it is based on.
    package static func derivedScaleScore(_ scale: Scale, multiply: Double, add: Double, source: ScaleScore) -> ScaleScore {
        let score = source.score.map { Rounding.halfUp($0 * multiply + add, decimals: scale.decimals) }
        return ScaleScore(
            scaleID: scale.id, score: score, answered: source.answered, itemCount: source.itemCount,
            status: source.status, bandID: score.flatMap { scale.band(for: $0)?.id })
    }
}
