/// Human headings for the column keys of psyscreen's tables (`student_id` → 学号, `phq9_3` → PHQ-9 第3题,
/// `phq9.total.band` → PHQ-9 总分 分级), from the catalogue (``ColumnHeading``) and, for score and item
/// columns, the instruments' own labels. CSV and JSON keep the keys, which programs and `import` rely on.
package struct ColumnHeadings: Sendable {
    package let language: Language
    private let instruments: [Instrument]

    package init(language: Language, instruments: [Instrument] = []) {
        self.language = language
        self.instruments = instruments
    }

    /// The heading of the column `key`; an unknown key is its own heading.
    package func heading(_ key: String) -> String {
        Self.column(key, instruments: instruments)?.text(in: language) ?? key
    }

    package func headings(_ keys: [String]) -> [String] { keys.map(heading) }

    /// The catalogue entry of the column `key`, if it is one of psyscreen's.
    package static func column(_ key: String, instruments: [Instrument]) -> ColumnHeading? {
        if let fixed = ColumnHeading.fixed.first(where: { $0.key == key }) { return fixed }
        for instrument in instruments {
            let short = shortName(instrument)
            if key.hasPrefix(instrument.id + "_"), let item = instrument.item(String(key.dropFirst(instrument.id.count + 1))) {
                return .item(instrument: instrument.id, short: short, item: item.id)
            }
            guard key.hasPrefix(instrument.id + ".") else { continue }
            let rest = key.dropFirst(instrument.id.count + 1)
            if rest == "flags" { return .flags(instrument: instrument.id, short: short) }
            if rest == "status" { return .scoringStatus(instrument: instrument.id, short: short) }
            let isBand = rest.hasSuffix(".band")
            if let scale = instrument.scale(String(isBand ? rest.dropLast(5) : rest)) {
                return .scale(instrument: instrument.id, short: short, scale: scale.id, label: scale.label, band: isBand)
            }
        }
        return nil
    }

    /// `PHQ-9` from the title "Patient Health Questionnaire (PHQ-9)", else the id in capitals.
    package static func shortName(_ instrument: Instrument) -> String {
        shortName(title: instrument.title.text(in: Language.english.tag), id: instrument.id)
    }

    /// The abbreviation in parentheses at the end of `title`, else `id` in capitals.
    package static func shortName(title: String, id: String) -> String {
        if let open = title.lastIndex(of: "("), let close = title.lastIndex(of: ")"), open < close {
            let inside = title[title.index(after: open)..<close]
            if !inside.isEmpty && inside.count <= 12 { return String(inside) }
        }
        return id.uppercased()
    }
}

extension Presentation {
    /// The heading of a column named by its key (the score and item columns of `instruments` too).
    package func heading(key: String, instruments: [Instrument]) -> String {
        switch self {
        case .keys: key
        case .human(let language): ColumnHeadings(language: language, instruments: instruments).heading(key)
        }
    }
}
