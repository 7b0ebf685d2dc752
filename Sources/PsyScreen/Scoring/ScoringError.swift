/// Answers the engine refuses: a value that is not one of the item's options is never clamped.
package struct ScoringError: Error, Hashable, Sendable, Message, CustomStringConvertible {
    package enum Reason: Hashable, Sendable {
        case notAnOption(value: Int, allowed: [Int])
        case unknownItem
    }

    package var instrumentID: String
    package var itemID: String
    package var reason: Reason

    package init(instrumentID: String, itemID: String, reason: Reason) {
        self.instrumentID = instrumentID
        self.itemID = itemID
        self.reason = reason
    }

    package var description: String { english }

    package var english: String {
        switch reason {
        case .notAnOption(let value, let allowed):
            "\(instrumentID) item \(itemID): \(value) is not one of the options (\(allowed.map(String.init).joined(separator: ", ")))"
        case .unknownItem:
            "\(instrumentID) has no item '\(itemID)'"
        }
    }
}
