/// UTF-8 XML built by appending: markup as given, text and attribute values escaped.
struct XMLBytes {
    private(set) var bytes: [UInt8] = []

    init(declaration: Bool = true) {
        if declaration { append(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n") }
    }

    /// Markup, as it is.
    mutating func append(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// Text content or an attribute value: `&`, `<`, `>` and `"` escaped; characters XML 1.0 cannot hold (C0
    /// controls but tab and line feed, a carriage return, which XML would turn into a line feed) written as
    /// OOXML's `_xHHHH_`, and a literal `_xHHHH_` protected as `_x005F_xHHHH_` so that it reads back as typed.
    mutating func appendEscaped(_ text: String) {
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            case UInt8(ascii: "_") where Self.isEscapeLike(utf8, at: index): append("_x005F_")
            case 0x09, 0x0A: bytes.append(byte)
            case 0..<0x20, 0x7F:
                append("_x00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true) + "_")
            case 0xEF
            where index + 2 < utf8.count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                // U+FFFE and U+FFFF are not XML characters either.
                append(utf8[index + 2] == 0xBE ? "_xFFFE_" : "_xFFFF_")
                index += 2
            default: bytes.append(byte)
            }
            index += 1
        }
    }

    /// Whether `_xHHHH_` starts at `index`.
    private static func isEscapeLike(_ utf8: [UInt8], at index: Int) -> Bool {
        guard index + 6 < utf8.count, utf8[index + 1] == UInt8(ascii: "x"), utf8[index + 6] == UInt8(ascii: "_") else {
            return false
        }
        return utf8[(index + 2)..<(index + 6)].allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
    }
}
