/// One question of an instrument.
package struct Item: Hashable, Sendable, Identifiable {
    /// `1`…`n` for the shipped instruments; the CSV column is `{instrument}_{id}`.
    package var id: String
    package var text: LocalizedText
    package var responseSetID: String
    /// Scored as `min + max − value` of its response set. Never reversed on screen or on paper.
    package var isReversed: Bool

    package init(id: String, text: LocalizedText, responseSetID: String, isReversed: Bool = false) {
        self.id = id
        self.text = text
        self.responseSetID = responseSetID
        self.isReversed = isReversed
    }
}
