/// Who reads a table: a program (column keys and codes, the same in every language) or a person (headings and
/// values in their language).
package enum Presentation: Hashable, Sendable {
    /// Keys and codes: CSV and JSON for scripts, `import`, R or pandas.
    case keys
    /// Headings and values in a language: `--headers human`, workbooks.
    case human(Language)

    /// A terminal table in `language`. English tables show the keys and codes, as they always have (they are
    /// English words, and what `--level` and scripts take); Chinese tables show Chinese headings and values.
    package static func table(_ language: Language) -> Presentation { language == .english ? .keys : .human(language) }

    package func heading(_ column: ColumnHeading) -> String {
        switch self {
        case .keys: column.key
        case .human(let language): column.text(in: language)
        }
    }

    package func headings(_ columns: [ColumnHeading]) -> [String] { columns.map(heading) }

    /// A coded value: the code, or its name in the language.
    package func term(_ term: Term) -> String {
        switch self {
        case .keys: term.english
        case .human(let language): term.text(in: language)
        }
    }

    /// A message whose English is a code (a register reason): the code, or the text in the language.
    package func code(_ message: some Message) -> String {
        switch self {
        case .keys: message.english
        case .human(let language): message.text(in: language)
        }
    }
}
