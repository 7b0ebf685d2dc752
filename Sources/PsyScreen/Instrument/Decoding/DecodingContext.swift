/// What the decoders share while turning one file's elements into model values: the file name, the problems
/// found so far, and the languages seen, so that a text missing a translation others have is reported.
struct DecodingContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Lines with a reported bad number, and how the schema's message about it starts.
    var numberErrors: [(line: Int, schemaSays: String)] = []
    private var texts: [(what: TextElement, line: Int, languages: [String])] = []

    init(file: String) { self.file = file }

    mutating func error(_ line: Int, _ message: InstrumentMessage) {
        diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: line), message))
    }

    /// The localized text in the `name` children of `element` (one element per language), normalized.
    mutating func text(_ name: String, of element: XMLElementValue, what: TextElement) -> LocalizedText {
        var translations: [LocalizedText.Translation] = []
        let children = element.children(named: name)
        for child in children {
            let language = child.language ?? ""
            if translations.contains(where: { $0.language == language }) {
                error(child.line, .twoTranslations(what, language: language))
                continue
            }
            translations.append(.init(language: language, text: TextNormalizer.normalize(child.text)))
        }
        if !children.isEmpty {
            texts.append((what, children[0].line, translations.map(\.language)))
        }
        return LocalizedText(translations)
    }

    /// Reports every text that lacks a language some other text of the file has.
    mutating func checkTranslations() {
        var all: [String] = []
        for text in texts {
            for language in text.languages where !all.contains(language) { all.append(language) }
        }
        for text in texts {
            for language in all where !text.languages.contains(language) {
                error(text.line, .missingTranslation(text.what, language: language))
            }
        }
    }

    /// An attribute parsed as a list of ids (`items="1 2 3"`).
    func idList(_ value: String?) -> [String] {
        (value ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }

    /// Reports ids that occur twice among `elements`, naming the kind of thing (`item`, `scale`…).
    mutating func checkUnique(_ elements: [XMLElementValue], kind: IDKind) {
        var seen: [String: Int] = [:]
        for element in elements {
            guard let id = element.attribute("id") else { continue }
            if let first = seen[id] {
                error(element.line, .duplicateID(kind, id: id, firstLine: first))
            } else {
                seen[id] = element.line
            }
        }
    }
}
