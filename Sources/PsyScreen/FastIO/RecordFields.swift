/// The fields of a ``TableRecord`` once checked to be current (``TableRecord/fields``): the bytes and spans read
/// directly, for the loops that look at every field of every record. Internal to FastIO: valid only while the
/// record is, and used at once.
struct RecordFields {
    let base: UnsafePointer<UInt8>
    /// Start and end offsets into `base`, two per field.
    let spans: UnsafePointer<Int>
    let count: Int

    /// The UTF-8 bytes of field `index` (empty past ``count``).
    @inline(__always)
    func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index >= 0, "negative field index")
        guard index < count else { return UnsafeBufferPointer(start: base, count: 0) }
        let start = spans[2 &* index]
        return UnsafeBufferPointer(start: base + start, count: spans[2 &* index &+ 1] &- start)
    }

    @inline(__always)
    func isEmpty(at index: Int) -> Bool {
        precondition(index >= 0, "negative field index")
        return index >= count || spans[2 &* index] == spans[2 &* index &+ 1]
    }

    @inline(__always)
    func isBlank(at index: Int) -> Bool {
        for byte in bytes(at: index) where byte != 0x20 && byte != 0x09 { return false }
        return true
    }

    @inline(__always)
    func integer(at index: Int) -> Int? {
        let field = bytes(at: index)
        if field.count == 1 {
            let digit = field[0] &- 0x30
            return digit < 10 ? Int(digit) : nil
        }
        return TableRecord.parseInteger(field)
    }

    /// Whether field `index` is only printable ASCII (no control character, nothing beyond 0x7E), eight bytes at
    /// a time.
    @inline(__always)
    func isPrintableASCII(at index: Int) -> Bool {
        let field = bytes(at: index)
        guard let start = field.baseAddress else { return true }
        var offset = 0
        while offset &+ 8 <= field.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(start + offset).loadUnaligned(as: UInt64.self))
            let low = word & 0x7F7F_7F7F_7F7F_7F7F
            // High bit per byte: below 0x20 (no carry out of a byte: 0x7F + 0x60 < 0x100), or 0x7F and above.
            let control = ~((low &+ 0x6060_6060_6060_6060) | word) & 0x8080_8080_8080_8080
            let high = ((low &+ 0x0101_0101_0101_0101) | word) & 0x8080_8080_8080_8080
            if control | high != 0 { return false }
            offset &+= 8
        }
        while offset < field.count {
            if field[offset] &- 0x20 >= 0x5F { return false }
            offset &+= 1
        }
        return true
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
}
