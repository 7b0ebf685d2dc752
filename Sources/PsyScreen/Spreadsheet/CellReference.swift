/// A cell's address as Excel shows it (`A1`, `B12`, `AA7`): 0-based column, 1-based row.
package struct CellReference: Hashable, Sendable, CustomStringConvertible {
    /// 0-based: A is 0, Z is 25, AA is 26.
    package var column: Int
    /// 1-based, as in Excel.
    package var row: Int

    package init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// The largest column Excel has (XFD).
    package static let maxColumns = 16_384

    /// `B12`.
    package var description: String { Self.columnName(column) + String(row) }

    /// The letters of a 0-based column: 0 → `A`, 27 → `AB`.
    package static func columnName(_ column: Int) -> String {
        var letters: [UInt8] = []
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(digit))
            rest = (rest - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Parses `B12` (letters then digits, either may be missing: `B` or `12` give only what they hold).
    /// Returns nil for anything else or a column past XFD.
    package static func parse(_ span: Span<UInt8>) -> (column: Int?, row: Int?)? {
        span.withUnsafeBufferPointer { bytes in
            var index = 0
            var column = 0
            while index < bytes.count {
                let letter = (bytes[index] | 0x20) &- UInt8(ascii: "a")  // ASCII lower case, then 0…25
                guard letter < 26 else { break }
                column = column &* 26 &+ Int(letter) &+ 1
                guard column <= maxColumns else { return nil }
                index &+= 1
            }
            let letters = index
            var row = 0
            while index < bytes.count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10, row < 100_000_000 else { return nil }
                row = row &* 10 &+ Int(digit)
                index &+= 1
            }
            guard index > 0 else { return nil }
            return (letters > 0 ? column - 1 : nil, index > letters ? row : nil)
        }
    }
}
