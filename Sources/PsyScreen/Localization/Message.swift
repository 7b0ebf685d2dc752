/// A text of psyscreen's own, in both languages it speaks: the one catalogue mechanism.
///
/// Each catalogue is an enum with one case per message, the data the message carries as associated values
/// (counts, ids, file names, another message). Its English wording sits beside the cases (in
/// `Localization/English/`), its Chinese wording in `Localization/Chinese/`: a `switch` per language, so a case
/// without a Chinese (or English) text does not compile. Code that reports something builds a case; only the
/// catalogue holds words.
package protocol Message: Sendable {
    var english: String { get }
    var chinese: String { get }
}

extension Message {
    package func text(in language: Language) -> String {
        switch language {
        case .chinese: chinese
        case .english: english
        }
    }

    /// Both wordings, for a value that keeps the message until the language is known (an error, a problem).
    package var localized: LocalizedText { LocalizedText(self) }
}

/// A text in several languages is a message too: the English and the Chinese of it, or the English where it
/// has no Chinese (what a library said).
extension LocalizedText: Message {
    /// A catalogue message in both languages.
    package init(_ message: some Message) {
        self.init(english: message.english, chinese: message.chinese)
    }

    package init(english: String, chinese: String) {
        self.init([
            Translation(language: Language.chinese.tag, text: chinese),
            Translation(language: Language.english.tag, text: english),
        ])
    }

    /// Text that exists in English only: what a library said (libxml2, SQLite, the operating system).
    package init(libraryText text: String) {
        self.init(text, language: Language.english.tag)
    }

    package func text(in language: Language) -> String { text(in: language.tag) }

    /// The English text (tests, logs, `description`).
    package var english: String { text(in: Language.english.tag) }

    /// The Chinese text (the English where there is none).
    package var chinese: String { text(in: Language.chinese.tag) }

    /// Whether this text has a wording in `language` (a library's message has English only).
    package func has(_ language: Language) -> Bool { translations.contains { $0.language == language.tag } }
}
