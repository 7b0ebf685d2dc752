/// An ordered list of answer options shared by items ("Not at all" = 0 … "Nearly every day" = 3).
package struct ResponseSet: Hashable, Sendable, Identifiable {
    /// One option: the number a student types (and a counselor keys in) is its value.
    package struct Option: Hashable, Sendable {
        package var value: Int
        package var label: LocalizedText

        package init(value: Int, label: LocalizedText) {
            self.value = value
            self.label = label
        }
    }

    package var id: String
    /// In the order they are shown.
    package var options: [Option]

    package init(id: String, options: [Option]) {
        self.id = id
        self.options = options
    }

    package var values: [Int] { options.map(\.value) }
    package var minimumValue: Int { options.map(\.value).min() ?? 0 }
    package var maximumValue: Int { options.map(\.value).max() ?? 0 }

    package func option(withValue value: Int) -> Option? { options.first { $0.value == value } }
}
