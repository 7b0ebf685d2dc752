/// Answers the engine refuses: a value that is not one of the item's options is never clamped.
public struct ScoringError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case notAnOption(value: Int, allowed: [Int])
        case unknownItem
    }

    public var instrumentID: String
    public var itemID: String
    public var reason: Reason

    public init(instrumentID: String, itemID: String, reason: Reason) {
        self.instrumentID = instrumentID
        self.itemID = itemID
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notAnOption(let value, let allowed):
            "\(instrumentID) item \(itemID): \(value) is not one of the options (\(allowed.map(String.init).joined(separator: ", ")))"
        case .unknownItem:
            "\(instrumentID) has no item '\(itemID)'"
        }
    }
}
