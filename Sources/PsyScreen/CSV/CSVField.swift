/// The one CSV quoting rule every CSV output follows (RFC 4180): a field is quoted when it holds the delimiter, a
/// quote, CR or LF, and a quote inside is doubled. A cell that came from the input and starts like a spreadsheet
/// formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`, so Excel and LibreOffice show it as text instead of
/// evaluating it (OWASP's advice against CSV injection).
///
/// ``CSVWriter`` streams fields with it; the renderers that build a whole file in memory use ``encoded(_:neutralizingFormula:)``.
package enum CSVField {
    @usableFromInline static let quote = UInt8(ascii: "\"")

    /// Whether `byte` inside a field forces quotes.
    @inlinable
    package static func forcesQuotes(_ byte: UInt8, delimiter: UInt8 = UInt8(ascii: ",")) -> Bool {
        byte == delimiter || byte == quote || byte == 0x0A || byte == 0x0D
    }

    /// Whether a cell starting with `byte` would be run as a formula.
    @inlinable
    package static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    /// Appends one field (without a delimiter before it).
    package static func append<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, to out: inout [UInt8], delimiter: UInt8 = UInt8(ascii: ","), neutralizingFormula: Bool = false
    ) {
        let prefix = neutralizingFormula && bytes.first.map(startsFormula) == true
        let quoted = bytes.contains { forcesQuotes($0, delimiter: delimiter) }
        if quoted { out.append(quote) }
        if prefix { out.append(UInt8(ascii: "'")) }
        for byte in bytes {
            out.append(byte)
            if quoted && byte == quote { out.append(quote) }
        }
        if quoted { out.append(quote) }
    }

    /// One comma-separated field as text.
    package static func encoded(_ text: String, neutralizingFormula: Bool = false) -> String {
        guard neutralizingFormula || text.utf8.contains(where: { forcesQuotes($0) }) else { return text }
        var out: [UInt8] = []
        append(text.utf8, to: &out, neutralizingFormula: neutralizingFormula)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with the leading `'` of a formula-like cell, not yet quoted.
    package static func neutralized(_ text: String) -> String {
        guard let first = text.utf8.first, startsFormula(first) else { return text }
        return "'" + text
    }
}
