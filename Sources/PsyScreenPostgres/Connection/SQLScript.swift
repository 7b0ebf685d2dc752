/// A script split into its statements, for a protocol that takes one statement at a time: at semicolons that
/// are outside quotes ('…', "…"), dollar-quoted bodies ($$…$$, $tag$…$tag$) and comments.
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current: [Character] = []
        let characters = Array(script)
        var index = 0
        func flush() {
            let text = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { statements.append(text) }
            current = []
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'", "\"":
                // To the closing quote; a doubled quote inside stays inside.
                current.append(character)
                index += 1
                while index < characters.count {
                    current.append(characters[index])
                    if characters[index] == character {
                        if index + 1 < characters.count, characters[index + 1] == character {
                            current.append(characters[index + 1])
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
                index += 1
            case "-" where index + 1 < characters.count && characters[index + 1] == "-":
                while index < characters.count, characters[index] != "\n" { index += 1 }
            case "$":
                // A tag: $$ or $name$; the body runs to the same tag.
                var end = index + 1
                while end < characters.count, characters[end] == "_" || characters[end].isLetter || characters[end].isNumber {
                    end += 1
                }
                guard end < characters.count, characters[end] == "$" else {
                    current.append(character)
                    index += 1
                    continue
                }
                let tag = Array(characters[index...end])
                current += tag
                index = end + 1
                while index < characters.count {
                    if characters[index] == "$", index + tag.count <= characters.count,
                        Array(characters[index..<(index + tag.count)]) == tag
                    {
                        current += tag
                        index += tag.count
                        break
                    }
                    current.append(characters[index])
                    index += 1
                }
            case ";":
                flush()
                index += 1
            default:
                current.append(character)
                index += 1
            }
        }
        flush()
        return statements
    }
}
