/// Byte-level UTF-8 checks over a buffer region, used by the reader to validate input as it streams by.
enum UTF8Validation {
    enum Outcome: Equatable {
        /// Every byte up to the end of the region is well-formed.
        case valid
        /// The region ends inside a sequence that may still turn out well-formed: more bytes are needed.
        case truncated
        /// The bytes at the stop position are not UTF-8.
        case invalid
    }

    /// The first byte ≥ 0x80 in `base[from..<to]`, or `to`. Eight bytes at a time: most CSV bytes are ASCII.
    static func firstNonASCII(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var p = from
        let raw = UnsafeRawPointer(base)
        while p + 8 <= to {
            if raw.loadUnaligned(fromByteOffset: p, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            p += 8
        }
        while p < to && base[p] < 0x80 { p += 1 }
        return p
    }

    /// Validates `base[from..<to]`: returns where validation stopped and why. For `.valid` the stop is `to`.
    static func validate(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> (stop: Int, outcome: Outcome) {
        var p = from
        while true {
            p = firstNonASCII(base, from: p, to: to)
            if p == to { return (p, .valid) }
            let length = sequenceLength(base, at: p, end: to)
            if length > 0 {
                p += length
            } else {
                return (p, length == 0 ? .truncated : .invalid)
            }
        }
    }

    /// Counts the well-formed multi-byte sequences at the start of `base[from..<to]`, up to `limit`, and tells
    /// whether an ill-formed one came first. Used to tell UTF-8 from GB18030 (see ``CSVInput``).
    static func leadingSequences(
        _ base: UnsafePointer<UInt8>, from: Int, to: Int, limit: Int
    ) -> (count: Int, outcome: Outcome) {
        var p = from
        var count = 0
        while count < limit {
            p = firstNonASCII(base, from: p, to: to)
            if p == to { return (count, .valid) }
            let length = sequenceLength(base, at: p, end: to)
            if length <= 0 { return (count, length == 0 ? .truncated : .invalid) }
            p += length
            count += 1
        }
        return (count, .valid)
    }

    /// Length of the well-formed sequence starting at the non-ASCII byte `base[p]`: 2…4, 0 when the region ends
    /// before the sequence does (and it is well-formed so far), -1 when it is ill-formed (Unicode table 3-7).
    @inline(__always)
    static func sequenceLength(_ base: UnsafePointer<UInt8>, at p: Int, end: Int) -> Int {
        let lead = base[p]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return -1
        }
        for i in 1..<length {
            if p + i >= end { return 0 }
            let byte = base[p + i]
            if i == 1 ? (byte < low || byte > high) : (byte & 0xC0 != 0x80) { return -1 }
        }
        return length
    }
}
