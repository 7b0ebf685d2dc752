/// Wraps text for a terminal, counting columns with ``DisplayWidth`` (CJK = 2). Lines break at spaces between
/// words and between any two CJK characters, but never put closing punctuation (`，。？」`) at the start of a line
/// nor opening punctuation (`「（`) at its end. A paragraph's leading indentation is repeated on every line.
package enum TextWrapper {
    /// The lines of one paragraph (no newlines inside), each at most `width` columns unless a single character
    /// is wider. White space inside a line is kept as typed; at a break it is dropped.
    package static func wrap(_ paragraph: String, width: Int) -> [String] {
        let indent = String(paragraph.prefix { $0 == " " })
        let indentWidth = indent.count
        let room = max(1, width - indentWidth)
        let tokens = tokenize(paragraph.dropFirst(indent.count))
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        func flush() {
            lines.append(indent + line)
            line = ""
            lineWidth = 0
        }
        for token in tokens {
            let gap = line.isEmpty ? 0 : DisplayWidth.of(token.spaceBefore)
            if lineWidth + gap + token.width <= room {
                line += (line.isEmpty ? "" : token.spaceBefore) + token.text
                lineWidth += gap + token.width
                continue
            }
            if !line.isEmpty { flush() }
            if token.width <= room {
                line = token.text
                lineWidth = token.width
                continue
            }
            // Longer than a whole line (a URL, a long number): cut it where it must be cut.
            for character in token.text {
                let characterWidth = DisplayWidth.of(String(character))
                if lineWidth + characterWidth > room, !line.isEmpty { flush() }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }

    /// Short segments (an item's options) on as few lines as fit, `separator` between them and `indent` before
    /// each line; a segment is never split unless it is wider than a line on its own.
    package static func pack(_ segments: [String], width: Int, separator: String = "   ", indent: String = "  ") -> [String] {
        var lines: [String] = []
        var line = ""
        let room = width - indent.count
        for segment in segments {
            let candidate = line.isEmpty ? segment : line + separator + segment
            if DisplayWidth.of(candidate) <= room {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(indent + line) }
            if DisplayWidth.of(segment) <= room {
                line = segment
            } else {
                lines += wrap(indent + segment, width: width)
                line = ""
            }
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }

    struct Token {
        var text: String
        var width: Int
        /// White space typed before it ("" when glued to the previous token, e.g. between CJK characters).
        var spaceBefore: String
    }

    /// Words, single CJK characters, with punctuation glued to the side it belongs to.
    static func tokenize(_ text: Substring) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var space = ""
        func append(_ text: String) {
            let glued = space.isEmpty && !tokens.isEmpty
            if glued, let first = text.first, closing.contains(first) || (tokens.last?.text.last).map(opening.contains) == true {
                tokens[tokens.count - 1].text += text
                tokens[tokens.count - 1].width += DisplayWidth.of(text)
            } else {
                tokens.append(Token(text: text, width: DisplayWidth.of(text), spaceBefore: space))
            }
            space = ""
        }
        for character in text {
            if character == " " || character == "\t" {
                if !word.isEmpty { append(word) }
                word = ""
                space.append(character)
            } else if DisplayWidth.of(String(character)) >= 2 || closing.contains(character) && word.isEmpty {
                if !word.isEmpty { append(word) }
                word = ""
                append(String(character))
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { append(word) }
        return tokens
    }

    /// Never at the start of a line.
    static let closing: Set<Character> = Set("，。、；：？！）」』》〉】”’…,.;:?!)]}%")
    /// Never at the end of a line.
    static let opening: Set<Character> = Set("（「『《〈【“‘([{")
}
