/// A condition on an item's answer that needs someone's attention whatever the total, e.g. PHQ-9 item 9 ≥ 1.
///
/// Raised when any of its items has a value in `minimum...maximum`. Flags are evaluated on the answers as
/// given, even when no scale can be scored, and their items are never imputed.
public struct Flag: Hashable, Sendable, Identifiable {
    public enum Kind: String, Hashable, Sendable {
        /// Possible risk to life: shown help at once, red in the warning register.
        case crisis
        /// A finding a counselor should see (WHO-5 item ≤ 1).
        case attention
    }

    public var id: String
    public var kind: Kind
    public var label: LocalizedText
    public var itemIDs: [String]
    public var minimum: Int
    public var maximum: Int

    public init(id: String, kind: Kind, label: LocalizedText, itemIDs: [String], minimum: Int, maximum: Int) {
        self.id = id
        self.kind = kind
        self.label = label
        self.itemIDs = itemIDs
        self.minimum = minimum
        self.maximum = maximum
    }

    public func isRaised(by value: Int) -> Bool { value >= minimum && value <= maximum }
}
