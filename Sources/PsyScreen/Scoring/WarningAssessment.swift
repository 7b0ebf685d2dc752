/// The warning level of one screening and why.
package struct WarningAssessment: Hashable, Sendable {
    package var level: WarningLevel
    /// The conditions of the winning level that held, e.g. `phq9 flag item9`.
    package var reasons: [WarningReason]

    package init(level: WarningLevel, reasons: [WarningReason]) {
        self.level = level
        self.reasons = reasons
    }
}

extension WarningPolicy {
    /// The highest level any of whose conditions holds for these results. Flags count even on unscored forms, so
    /// a crisis answer is red whatever else is missing.
    package func assess(_ results: [InstrumentResult]) -> WarningAssessment {
        for level in [WarningLevel.red, .orange, .yellow] {
            let held = (conditions[level] ?? []).filter { $0.holds(in: results) }
            if !held.isEmpty { return WarningAssessment(level: level, reasons: held.map(WarningReason.condition)) }
        }
        return WarningAssessment(level: .none, reasons: [])
    }
}

extension WarningPolicy.Condition {
    func holds(in results: [InstrumentResult]) -> Bool {
        switch self {
        case .flag(let instrument, let flag):
            return results.contains { $0.instrumentID == instrument && $0.flags.contains(flag) }
        case .bands(let instrument, let scale, let bandIDs):
            guard let band = score(instrument, scale, results)?.bandID else { return false }
            return bandIDs.contains(band)
        case .score(let instrument, let scale, let minimum, let maximum):
            guard let value = score(instrument, scale, results)?.score else { return false }
            return value >= (minimum ?? -.infinity) - Band.tolerance && value <= (maximum ?? .infinity) + Band.tolerance
        }
    }

    private func score(_ instrument: String, _ scale: String, _ results: [InstrumentResult]) -> ScaleScore? {
        results.first { $0.instrumentID == instrument }?.scale(scale)
    }
}
