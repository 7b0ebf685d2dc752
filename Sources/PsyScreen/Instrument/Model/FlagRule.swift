/// A condition on an item's answer that needs someone's attention whatever the total, e.g. PHQ-9 item 9 ≥ 1.
///
/// Raised when any of its items has a value in `minimum...maximum`. Flags are evaluated on the answers as
/// given, even when no scale can be scored, and their items are never imputed.
package struct FlagRule: Hashable, Sendable, Identifiable {
    package enum Kind: String, Hashable, Sendable {
        /// Possible risk to life: shown help at once, red in the warning register.
        case crisis
        /// A finding a counselor should see (WHO-5 item ≤ 1).
        case attention
    }

    package var id: String
    package var kind: Kind
    package var label: LocalizedText
    package var itemIDs: [String]
    package var minimum: Int
    package var maximum: Int

    package init(id: String, kind: Kind, label: LocalizedText, itemIDs: [String], minimum: Int, maximum: Int) {
        self.id = id
        self.kind = kind
        self.label = label
        self.itemIDs = itemIDs
        self.minimum = minimum
        self.maximum = maximum
    }

    package func isRaised(by value: Int) -> Bool { value >= minimum && value <= maximum }
}
