/// The instruments given together in one sitting, with the texts around them and the warning policy.
package struct Battery: Hashable, Sendable, Identifiable {
    package var id: String
    package var version: String
    package var title: LocalizedText
    /// In the order they are given.
    package var instruments: [Instrument]
    package var consent: LocalizedText
    package var closing: LocalizedText
    /// Shown at once when a crisis flag is raised: where to get help now.
    package var crisis: LocalizedText
    /// A whole screening answered faster than this is questionable.
    package var minimumSeconds: Int?
    package var policy: WarningPolicy
    package var source: String

    package init(
        id: String, version: String, title: LocalizedText, instruments: [Instrument], consent: LocalizedText,
        closing: LocalizedText, crisis: LocalizedText, minimumSeconds: Int?, policy: WarningPolicy, source: String
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.instruments = instruments
        self.consent = consent
        self.closing = closing
        self.crisis = crisis
        self.minimumSeconds = minimumSeconds
        self.policy = policy
        self.source = source
    }

    package func instrument(_ id: String) -> Instrument? { instruments.first { $0.id == id } }

    /// Number of items over all instruments (the `[3/16]` denominator of the terminal flow).
    package var itemCount: Int { instruments.reduce(0) { $0 + $1.items.count } }
}
