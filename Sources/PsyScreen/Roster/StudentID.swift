import Foundation

/// Student IDs as typed at a terminal or keyed into a spreadsheet: full-width digits (Chinese input methods),
/// surrounding spaces and lower-case letters are normalized so that the same student is always the same key.
package enum StudentID {
    package static func normalize(_ raw: String) -> String {
        if let ascii = normalizeASCII(raw) { return ascii }
        return raw.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    /// The same result for the usual ID, printable ASCII: compatibility mapping leaves ASCII as it is, so only the
    /// spaces at the ends go and the letters are uppercased (without Foundation's Unicode work: an import
    /// normalizes every sheet's ID). Nil for anything else.
    private static func normalizeASCII(_ raw: String) -> String? {
        var lowercase = false
        for byte in raw.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            if byte >= 0x61 && byte <= 0x7A { lowercase = true }
        }
        if !lowercase && raw.utf8.first != 0x20 && raw.utf8.last != 0x20 { return raw }
        let bytes = raw.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        let start = bytes.firstIndex { $0 != 0x20 } ?? bytes.count
        let end = (bytes.lastIndex { $0 != 0x20 } ?? start - 1) + 1
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
