/// How a value from an input file is quoted in a message: at most ``maximumCharacters`` characters, then
/// `…(N bytes)`, with control characters shown as `\u{…}`, so that a 10 MB cell or an escape sequence in a
/// spreadsheet cannot flood or take over the terminal it is reported on.
package enum InputExcerpt {
    package static let maximumCharacters = 60

    package static func quote(_ value: String) -> String {
        var out = ""
        var count = 0
        var clean = true
        for scalar in value.unicodeScalars {
            if count == maximumCharacters {
                return out + "…(\(value.utf8.count) bytes)"
            }
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                clean = false
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return clean ? value : out
    }

    /// The first control character of `value` (C0, DEL or C1), if any: never part of an ID or a name.
    package static func firstControlCharacter(_ value: String) -> Unicode.Scalar? {
        value.unicodeScalars.first { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }
    }

    /// `U+0000`.
    package static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
