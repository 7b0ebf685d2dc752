/// Turns the text of an XML element into what is shown: lines of a paragraph are joined, runs of white space
/// collapse to one, blank lines separate paragraphs (kept as "\n\n"). Chinese lines are joined without a space.
enum TextNormalizer {
    static func normalize(_ raw: String) -> String {
        var paragraphs: [String] = []
        var current = ""
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if words.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = ""
                continue
            }
            let joined = words.joined(separator: " ")
            if current.isEmpty {
                current = joined
            } else if isWide(current.unicodeScalars.last) || isWide(joined.unicodeScalars.first) {
                current += joined
            } else {
                current += " " + joined
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// CJK ideographs and full-width punctuation: no space between such characters when a line is wrapped.
    private static func isWide(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        return (0x2E80...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0x3000...0x303F).contains(value)
    }
}
