/// How every JSON writer quotes a string (documents, JSON Lines, the scored rows): `"` and `\` escaped, control
/// characters as `\n`, `\r`, `\t` or `\u00XX`, everything else (non-ASCII UTF-8 included) copied as it is.
package enum JSONEscaping {
    /// Whether `byte` is written as an escape sequence.
    @inline(__always)
    package static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The escape sequence that stands for `byte` (one for which ``needsEscape(_:)`` holds).
    package static func sequence(_ byte: UInt8) -> [UInt8] {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): return [UInt8(ascii: "\\"), byte]
        case 0x0A: return Array(#"\n"#.utf8)
        case 0x0D: return Array(#"\r"#.utf8)
        case 0x09: return Array(#"\t"#.utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            return Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
    }

    /// Appends `bytes` (UTF-8) quoted and escaped.
    package static func appendQuoted<Bytes: Sequence<UInt8>>(_ bytes: Bytes, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            if needsEscape(byte) { out += sequence(byte) } else { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `string` quoted and escaped.
    package static func quoted(_ string: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count + 2)
        appendQuoted(string.utf8, to: &out)
        return out
    }
}
