/// One questionnaire (PHQ-9), as defined by its XML file.
public struct Instrument: Hashable, Sendable, Identifiable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var instructions: LocalizedText
    /// The copyright / licence line, exactly as the authors ask for it.
    public var copyright: String
    public var citations: [String]
    /// Scoring notes, e.g. which published rule handles missing items.
    public var notes: [String]
    public var responseSets: [ResponseSet]
    public var items: [Item]
    public var scales: [Scale]
    public var flags: [Flag]
    public var validity: ValidityRules
    /// The file it was read from.
    public var source: String

    public init(
        id: String, version: String, title: LocalizedText, instructions: LocalizedText, copyright: String,
        citations: [String], notes: [String], responseSets: [ResponseSet], items: [Item], scales: [Scale],
        flags: [Flag], validity: ValidityRules, source: String
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.instructions = instructions
        self.copyright = copyright
        self.citations = citations
        self.notes = notes
        self.responseSets = responseSets
        self.items = items
        self.scales = scales
        self.flags = flags
        self.validity = validity
        self.source = source
    }

    public func item(_ id: String) -> Item? { items.first { $0.id == id } }
    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }
    public func flag(_ id: String) -> Flag? { flags.first { $0.id == id } }
    public func responseSet(_ id: String) -> ResponseSet? { responseSets.first { $0.id == id } }

    /// The response set of an item (the loader guarantees it exists).
    public func responses(for item: Item) -> ResponseSet {
        responseSet(item.responseSetID) ?? ResponseSet(id: item.responseSetID, options: [])
    }

    /// Languages every text of the instrument is given in.
    public var languages: [String] { title.languages }
}
