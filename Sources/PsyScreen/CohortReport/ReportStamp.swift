import Foundation

/// What every anonymized report and exchange file says about how it was made.
package struct ReportStamp: Hashable, Sendable, Codable {
    package struct InstrumentKey: Hashable, Sendable, Codable {
        package var id: String
        package var version: String
        /// ``ScoringKeyHash/of(_:)-(Instrument)``.
        package var scoringKey: String

        enum CodingKeys: String, CodingKey { case id, version, scoringKey = "scoring_key" }

        package init(id: String, version: String, scoringKey: String) {
            self.id = id
            self.version = version
            self.scoringKey = scoringKey
        }
    }

    package struct PolicyKey: Hashable, Sendable, Codable {
        package var battery: String
        package var version: String
        package var policyKey: String

        enum CodingKeys: String, CodingKey { case battery, version, policyKey = "policy_key" }

        package init(battery: String, version: String, policyKey: String) {
            self.battery = battery
            self.version = version
            self.policyKey = policyKey
        }
    }

    package var wave: String
    package var instruments: [InstrumentKey]
    package var policies: [PolicyKey]
    /// The minimum cell size k the figures were suppressed with.
    package var minimumCellSize: Int
    package var psyscreenVersion: String
    /// ISO 8601, UTC, whole seconds.
    package var generatedAt: String
    /// For a merged report: how many exchange files went in (nil for a report from a database).
    package var mergedFiles: Int?
    /// True for a draft (`--draft`) of a wave that is still open: owner-only, marked on every page, never for
    /// release. Nil otherwise.
    package var draft: Bool?

    enum CodingKeys: String, CodingKey {
        case wave, instruments, policies, draft
        case minimumCellSize = "min_cell"
        case psyscreenVersion = "psyscreen_version"
        case generatedAt = "generated_at"
        case mergedFiles = "merged_files"
    }

    package init(
        wave: String, instruments: [InstrumentKey], policies: [PolicyKey], minimumCellSize: Int,
        psyscreenVersion: String = PsyScreenVersion.current, generatedAt: Date, mergedFiles: Int? = nil
    ) {
        self.wave = wave
        self.instruments = instruments
        self.policies = policies
        self.minimumCellSize = minimumCellSize
        self.psyscreenVersion = psyscreenVersion
        self.generatedAt = Self.format(generatedAt)
        self.mergedFiles = mergedFiles
    }

    /// The stamp of a report over `batteries` (the instruments are theirs, in order, without repeats).
    package init(wave: String, batteries: [Battery], threshold: MinimumCellSize, at date: Date) {
        var seen: Set<String> = []
        var instruments: [InstrumentKey] = []
        for instrument in batteries.flatMap(\.instruments) where seen.insert(instrument.id).inserted {
            instruments.append(
                InstrumentKey(
                    id: instrument.id, version: instrument.version, scoringKey: ScoringKeyHash.of(instrument)))
        }
        self.init(
            wave: wave, instruments: instruments,
            policies: batteries.map { PolicyKey(battery: $0.id, version: $0.version, policyKey: ScoringKeyHash.of($0)) },
            minimumCellSize: threshold.k, generatedAt: date)
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
