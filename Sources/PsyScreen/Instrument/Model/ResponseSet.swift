/// An ordered list of answer options shared by items ("Not at all" = 0 … "Nearly every day" = 3).
public struct ResponseSet: Hashable, Sendable, Identifiable {
    /// One option: the number a student types (and a counselor keys in) is its value.
    public struct Option: Hashable, Sendable {
        public var value: Int
        public var label: LocalizedText

        public init(value: Int, label: LocalizedText) {
            self.value = value
            self.label = label
        }
    }

    public var id: String
    /// In the order they are shown.
    public var options: [Option]

    public init(id: String, options: [Option]) {
        self.id = id
        self.options = options
    }

    public var values: [Int] { options.map(\.value) }
    public var minimumValue: Int { options.map(\.value).min() ?? 0 }
    public var maximumValue: Int { options.map(\.value).max() ?? 0 }

    public func option(withValue value: Int) -> Option? { options.first { $0.value == value } }
}
