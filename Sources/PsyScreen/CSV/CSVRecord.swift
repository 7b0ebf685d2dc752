import Foundation

/// One record of a CSV file, viewed in place in the reader's buffer.
///
/// Fields are already unescaped (surrounding quotes removed, doubled quotes collapsed) and always UTF-8, whatever
/// the file's encoding. A record is only valid inside the closure it was passed to: its bytes are overwritten by
/// the next record, so copy what you keep (``string(at:)``).
///
/// Asking for a field past ``count`` gives an empty field, so a short row reads as blanks; check ``count`` to
/// tell a ragged row from empty cells.
package struct CSVRecord {
    @usableFromInline let base: UnsafePointer<UInt8>
    /// Start and end offsets into `base`, two per field.
    @usableFromInline let spans: UnsafePointer<Int>

    /// Number of fields.
    package let count: Int
    /// Physical line of the file where the record starts (1-based; blank lines and line breaks inside quoted
    /// fields count).
    package let line: Int

    @usableFromInline
    init(base: UnsafePointer<UInt8>, spans: UnsafePointer<Int>, count: Int, line: Int) {
        self.base = base
        self.spans = spans
        self.count = count
        self.line = line
    }

    /// The UTF-8 bytes of field `index` (empty past ``count``). Valid only while the record is.
    @inlinable
    package func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index >= 0, "negative field index")
        guard index < count else { return UnsafeBufferPointer(start: base, count: 0) }
        let start = spans[2 &* index]
        return UnsafeBufferPointer(start: base + start, count: spans[2 &* index &+ 1] &- start)
    }

    /// Same as ``bytes(at:)``.
    @inlinable
    package subscript(index: Int) -> UnsafeBufferPointer<UInt8> { bytes(at: index) }

    /// Whether field `index` has no bytes at all (or is past ``count``).
    @inlinable
    package func isEmpty(at index: Int) -> Bool {
        precondition(index >= 0, "negative field index")
        return index >= count || spans[2 &* index] == spans[2 &* index &+ 1]
    }

    /// Whether field `index` is empty or only ASCII spaces and tabs, which a person would also call empty.
    @inlinable
    package func isBlank(at index: Int) -> Bool {
        for byte in bytes(at: index) where byte != 0x20 && byte != 0x09 { return false }
        return true
    }

    /// Whether every field is empty, like the `,,,,` rows Excel leaves below a table.
    package var isBlank: Bool {
        for index in 0..<count where !isEmpty(at: index) { return false }
        return true
    }

    /// Field `index` as a `String`: the slow path, for the few fields kept per record.
    package func string(at index: Int) -> String {
        String(decoding: bytes(at: index), as: UTF8.self)
    }

    /// All fields as strings (for headers and tests).
    package var strings: [String] { (0..<count).map { string(at: $0) } }

    /// Field `index` as a small integer (see ``parseInteger(_:)``), or `nil`.
    ///
    /// For item answers call this first and ``isBlank(at:)`` only when it gives `nil` (missing or invalid?):
    /// a single digit, the usual answer, takes the inlined fast path.
    @inlinable
    package func integer(at index: Int) -> Int? {
        let field = bytes(at: index)
        if field.count == 1 {
            let digit = field[0] &- 0x30
            return digit < 10 ? Int(digit) : nil
        }
        return Self.parseInteger(field)
    }

    /// Whether field `index` is only printable ASCII (no control character, nothing beyond 0x7E): an ID that needs
    /// no closer look.
    @inline(__always)
    func isPrintableASCII(at index: Int) -> Bool {
        for byte in bytes(at: index) where byte &- 0x20 >= 0x5F { return false }
        return true
    }

    /// Whether field `index` is a whole number with too many digits for ``parseInteger(_:)`` (19 or more): a
    /// number all the same, which no option has.
    package func isLongInteger(at index: Int) -> Bool {
        var digits = string(at: index).trimmingCharacters(in: .whitespaces)[...]
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return digits.count > 18 && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Field `index` (< ``count``) when it is exactly one ASCII digit, the usual answer: read straight from the
    /// span, without the general parse.
    @inline(__always)
    func singleDigit(at index: Int) -> Int? {
        let start = spans[2 &* index]
        guard spans[2 &* index &+ 1] &- start == 1 else { return nil }
        let digit = base[start] &- 0x30
        return digit < 10 ? Int(digit) : nil
    }

    /// Parses a decimal integer of at most 18 digits, with optional ASCII spaces or tabs around it and an
    /// optional `+` or `-` sign. Anything else (empty, `3.0`, `３`, `1e2`) gives `nil`.
    @inlinable
    package static func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var p = 0
        var end = bytes.count
        while p < end && (bytes[p] == 0x20 || bytes[p] == 0x09) { p &+= 1 }
        while end > p && (bytes[end &- 1] == 0x20 || bytes[end &- 1] == 0x09) { end &-= 1 }
        guard p < end else { return nil }
        let negative = bytes[p] == UInt8(ascii: "-")
        if negative || bytes[p] == UInt8(ascii: "+") { p &+= 1 }
        guard p < end && end &- p <= 18 else { return nil }
        var value = 0
        while p < end {
            let digit = bytes[p] &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
            p &+= 1
        }
        return negative ? -value : value
    }
}
