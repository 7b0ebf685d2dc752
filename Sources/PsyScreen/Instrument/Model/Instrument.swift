/// One questionnaire (PHQ-9), as defined by its XML file.
package struct Instrument: Hashable, Sendable, Identifiable {
    package var id: String
    package var version: String
    package var title: LocalizedText
    package var instructions: LocalizedText
    /// The copyright / licence line, exactly as the authors ask for it.
    package var copyright: String
    package var citations: [String]
    /// Scoring notes, e.g. which published rule handles missing items.
    package var notes: [String]
    package var responseSets: [ResponseSet]
    package var items: [Item]
    package var scales: [Scale]
    package var flags: [FlagRule]
    package var validity: ValidityRules
    /// The file it was read from.
    package var source: String

    package init(
        id: String, version: String, title: LocalizedText, instructions: LocalizedText, copyright: String,
        citations: [String], notes: [String], responseSets: [ResponseSet], items: [Item], scales: [Scale],
        flags: [FlagRule], validity: ValidityRules, source: String
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

    package func item(_ id: String) -> Item? { items.first { $0.id == id } }
    package func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }
    package func flag(_ id: String) -> FlagRule? { flags.first { $0.id == id } }
    package func responseSet(_ id: String) -> ResponseSet? { responseSets.first { $0.id == id } }

    /// The response set of an item (the loader guarantees it exists).
    package func responses(for item: Item) -> ResponseSet {
        responseSet(item.responseSetID) ?? ResponseSet(id: item.responseSetID, options: [])
    }

    /// Languages every text of the instrument is given in.
    package var languages: [String] { title.languages }
}
