/// One question of an instrument.
public struct Item: Hashable, Sendable, Identifiable {
    /// `1`…`n` for the shipped instruments; the CSV column is `{instrument}_{id}`.
    public var id: String
    public var text: LocalizedText
    public var responseSetID: String
    /// Scored as `min + max − value` of its response set. Never reversed on screen or on paper.
    public var isReversed: Bool

    public init(id: String, text: LocalizedText, responseSetID: String, isReversed: Bool = false) {
        self.id = id
        self.text = text
        self.responseSetID = responseSetID
        self.isReversed = isReversed
    }
}
