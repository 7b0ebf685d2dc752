/// The instruments given together in one sitting, with the texts around them and the warning policy.
public struct Battery: Hashable, Sendable, Identifiable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    /// In the order they are given.
    public var instruments: [Instrument]
    public var consent: LocalizedText
    public var closing: LocalizedText
    /// Shown at once when a crisis flag is raised: where to get help now.
    public var crisis: LocalizedText
    /// A whole screening answered faster than this is questionable.
    public var minimumSeconds: Int?
    public var policy: WarningPolicy
    public var source: String

    public init(
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

    public func instrument(_ id: String) -> Instrument? { instruments.first { $0.id == id } }

    /// Number of items over all instruments (the `[3/16]` denominator of the terminal flow).
    public var itemCount: Int { instruments.reduce(0) { $0 + $1.items.count } }
}
