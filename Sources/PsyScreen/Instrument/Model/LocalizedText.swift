/// A text given in several languages (`xml:lang`), e.g. an item's wording in `zh-Hans` and `en`.
package struct LocalizedText: Hashable, Sendable {
    /// One language's text.
    package struct Translation: Hashable, Sendable {
        package var language: String
        package var text: String

        package init(language: String, text: String) {
            self.language = language
            self.text = text
        }
    }

    /// In file order; the first is the fallback when nothing closer is available.
    package var translations: [Translation]

    package init(_ translations: [Translation]) { self.translations = translations }

    /// A text in one language only (tests, derived texts).
    package init(_ text: String, language: String = "en") {
        self.translations = [Translation(language: language, text: text)]
    }

    /// The languages present, in file order.
    package var languages: [String] { translations.map(\.language) }

    /// The text in `language`: an exact tag, else the same primary language (`zh` for `zh-Hans`), else English,
    /// else the first translation.
    package func text(in language: String) -> String {
        let wanted = language.lowercased()
        if let exact = translations.first(where: { $0.language.lowercased() == wanted }) { return exact.text }
        let primary = wanted.split(separator: "-").first.map(String.init) ?? wanted
        if let close = translations.first(where: { $0.language.lowercased().hasPrefix(primary) }) { return close.text }
        if let english = translations.first(where: { $0.language.lowercased().hasPrefix("en") }) { return english.text }
        return translations.first?.text ?? ""
    }
}
