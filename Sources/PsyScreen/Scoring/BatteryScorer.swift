/// Scores a whole sitting: every instrument of a battery, the warning level from its policy, and the battery's
/// own validity rule (minimum time for the whole sitting).
package struct BatteryScorer: Sendable {
    package let battery: Battery
    package let engines: [ScoringEngine]

    package init(_ battery: Battery) {
        self.battery = battery
        self.engines = battery.instruments.map(ScoringEngine.init)
    }

    /// What one sitting gives.
    package struct Outcome: Hashable, Sendable {
        /// One per instrument, in battery order.
        package var results: [InstrumentResult]
        package var assessment: WarningAssessment
        /// Findings about the sitting as a whole.
        package var validity: [ValidityFinding]

        /// Every instrument has a score (prorated counts): the student is screened.
        package var isScored: Bool { results.allSatisfy { $0.status != .unscored } }
    }

    /// `answers` per instrument id in item order (an instrument absent from the dictionary is all missing);
    /// `seconds` per instrument and for the whole sitting, when known.
    package func score(
        _ answers: [String: [Int?]], instrumentSeconds: [String: Double] = [:], totalSeconds: Double? = nil
    ) throws(ScoringError) -> Outcome {
        try score(
            inOrder: engines.map { answers[$0.instrument.id] ?? Array(repeating: nil, count: $0.instrument.items.count) },
            instrumentSeconds: instrumentSeconds, totalSeconds: totalSeconds)
    }

    /// `answers` per instrument in battery order, each in item order (a paper sheet as the reader gives it).
    package func score(
        inOrder answers: [[Int?]], instrumentSeconds: [String: Double] = [:], totalSeconds: Double? = nil
    ) throws(ScoringError) -> Outcome {
        precondition(answers.count == engines.count, "one answer list per instrument")
        var results: [InstrumentResult] = []
        results.reserveCapacity(engines.count)
        for (engine, values) in zip(engines, answers) {
            results.append(
                try engine.score(values, seconds: instrumentSeconds.isEmpty ? nil : instrumentSeconds[engine.instrument.id]))
        }
        var validity: [ValidityFinding] = []
        if let totalSeconds, let minimum = battery.minimumSeconds, totalSeconds < Double(minimum) {
            validity.append(.tooFast(seconds: totalSeconds, minimum: minimum))
        }
        return Outcome(results: results, assessment: battery.policy.assess(results), validity: validity)
    }
}
