import Foundation

/// One record of a tabular file — a CSV record (``CSVReader``) or a sheet row (``RecordBuilder``) — viewed in
/// place: its fields as UTF-8 text, already unescaped, whatever the file's encoding.
///
/// A record is valid until its source reads the next one; copy what you keep (``string(at:)``). Using it after
/// that stops the program with a message (its storage knows the current record), never reads other bytes.
///
/// Asking for a field past ``count`` gives an empty field, so a short row reads as blanks; check ``count`` to
/// tell a ragged row from empty cells.
package struct TableRecord {
    let storage: RecordStorage
    let generation: Int

    /// Number of fields.
    package let count: Int
    /// Physical line of the file where the record starts (1-based; blank lines and line breaks inside quoted
    /// fields count).
    package let line: Int

    init(storage: RecordStorage, generation: Int, count: Int, line: Int) {
        self.storage = storage
        self.generation = generation
        self.count = count
        self.line = line
    }

    /// The record's fields, after checking that the record is still the current one: for loops that read many
    /// fields of one record, which then pay for the check once.
    @inline(__always)
    var fields: RecordFields {
        precondition(storage.state.pointee.generation == generation, "a record was used after the next one was read")
        return RecordFields(base: storage.state.pointee.base, spans: storage.state.pointee.spans, count: count)
    }

    /// The UTF-8 bytes of field `index` (empty past ``count``). Valid only while the record is.
    @inline(__always)
    func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> { fields.bytes(at: index) }

    /// Whether field `index` has no bytes at all (or is past ``count``).
    @inline(__always)
    package func isEmpty(at index: Int) -> Bool { fields.isEmpty(at: index) }

    /// Whether field `index` is empty or only ASCII spaces and tabs, which a person would also call empty.
    @inline(__always)
    package func isBlank(at index: Int) -> Bool { fields.isBlank(at: index) }

    /// Whether every field is empty, like the `,,,,` rows Excel leaves below a table.
    package var isBlank: Bool {
        let fields = self.fields
        for index in 0..<count where !fields.isEmpty(at: index) { return false }
        return true
    }

    /// Field `index` as a `String`: the slow path, for the few fields kept per record.
    package func string(at index: Int) -> String {
        String(decoding: bytes(at: index), as: UTF8.self)
    }

    /// All fields as strings (for headers and tests).
    package var strings: [String] { (0..<count).map { string(at: $0) } }

    /// Whether every field is empty or only spaces and tabs (a person would call the row empty).
    package var isBlankRow: Bool {
        let fields = self.fields
        for index in 0..<count where !fields.isBlank(at: index) { return false }
        return true
    }

    /// Whether field `index` is only printable ASCII (no control character, nothing beyond 0x7E): an ID that
    /// needs no closer look.
    @inline(__always)
    package func isPrintableID(at index: Int) -> Bool { fields.isPrintableASCII(at: index) }

    /// Field `index` as a small integer (see ``parseInteger(_:)``), or `nil`.
    @inline(__always)
    package func integer(at index: Int) -> Int? { fields.integer(at: index) }

    /// Whether field `index` is a whole number with too many digits for ``parseInteger(_:)`` (19 or more): a
    /// number all the same, which no option has.
    package func isLongInteger(at index: Int) -> Bool {
        var digits = string(at: index).trimmingCharacters(in: .whitespaces)[...]
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return digits.count > 18 && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Parses a decimal integer of at most 18 digits, with optional ASCII spaces or tabs around it and an
    /// optional `+` or `-` sign. Anything else (empty, `3.0`, `３`, `1e2`) gives `nil`.
    @inline(__always)
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
