/// How many lines a paragraph takes when a browser prints it in a box of a given width: the same line breaking as
/// ``TextWrapper`` (words, single CJK characters, punctuation kept with its neighbour), measured in ems.
///
/// The widths are on the wide side of the fonts a form is printed with (see ``ems(_:)-swift.type.method``): a page
/// planned with them never holds more than the printer's page, whichever of those fonts the machine has.
enum PrintedTextMeasure {
    /// One millimetre in points.
    static let pointsPerMillimetre = 72 / 25.4

    /// Lines of `text` (paragraphs separated by newlines each start a line) at `fontSize` points in `width` mm.
    static func lines(_ text: String, width: Double, fontSize: Double, bold: Bool = false) -> Int {
        // 3 % to spare for kerning and rounding; bold Latin is about 10 % wider.
        let room = width * pointsPerMillimetre / fontSize / (bold ? 1.1 : 1) * 0.97
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: true)
        return max(1, paragraphs.reduce(0) { $0 + paragraphLines($1, room: room) })
    }

    private static func paragraphLines(_ paragraph: Substring, room: Double) -> Int {
        var lines = 1
        var used = 0.0
        for token in TextWrapper.tokenize(paragraph) {
            let width = ems(token.text)
            let gap = used == 0 ? 0 : ems(token.spaceBefore)
            if used + gap + width <= room {
                used += gap + width
            } else if used == 0 || width > room {
                // A token wider than the line is cut where it must be.
                let total = used + gap + width
                lines += Int((total / room).rounded(.up)) - 1
                used = total.truncatingRemainder(dividingBy: room)
            } else {
                lines += 1
                used = width
            }
        }
        return lines
    }

    /// The width of `text` in ems.
    static func ems(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ems($1) }
    }

    /// A character's advance in DejaVu Sans, the widest of the Latin fonts in the form's stacks (Arial and the
    /// Latin letters of the CJK fonts are narrower); wide (CJK) characters take 1 em in every CJK font.
    static func ems(_ scalar: Unicode.Scalar) -> Double {
        if let width = latinWidths[scalar] { return width }
        switch scalar.value {
        case 0x41...0x5A: return 0.72  // capitals without an entry
        case 0x30...0x39: return 0.64
        case 0x2014, 0x2026: return 1.0  // — …
        default: return DisplayWidth.width(of: scalar) >= 2 ? 1.0 : 0.64
        }
    }

    private static let latinWidths: [Unicode.Scalar: Double] = [
        "a": 0.613, "b": 0.635, "c": 0.55, "d": 0.635, "e": 0.615, "f": 0.352, "g": 0.635, "h": 0.634, "i": 0.278,
        "j": 0.278, "k": 0.579, "l": 0.278, "m": 0.974, "n": 0.634, "o": 0.612, "p": 0.635, "q": 0.635, "r": 0.411,
        "s": 0.521, "t": 0.392, "u": 0.634, "v": 0.592, "w": 0.818, "x": 0.592, "y": 0.592, "z": 0.525,
        "I": 0.295, "J": 0.295, "M": 0.863, "W": 0.989, " ": 0.318, "\t": 0.318, ".": 0.318, ",": 0.318, ":": 0.337,
        ";": 0.337, "'": 0.275, "’": 0.318, "-": 0.361, "(": 0.39, ")": 0.39, "?": 0.531, "!": 0.401, "/": 0.337,
    ]
}
