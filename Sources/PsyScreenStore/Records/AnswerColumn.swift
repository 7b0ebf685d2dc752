/// The `answers` column of `instrument_result`: an instrument's answers of one attempt in item order, as text
/// (`0,1,,3`: a blank for a missing or skipped item). A copy of the `answer` rows kept in the same transaction,
/// so that a cohort report reads one short value per instrument instead of one row per item (a district's
/// million sittings are 16 million answer rows).
enum AnswerColumn {
    static func text(_ values: [Int?]) -> String {
        values.map { $0.map(String.init) ?? "" }.joined(separator: ",")
    }

    /// Calls `body(position, value)` for every answered position of `text` (`count` bytes), without allocating.
    @inline(__always)
    static func forEachValue(_ text: UnsafePointer<UInt8>, count: Int, _ body: (Int, Int) -> Void) {
        var position = 0
        var value = 0
        var digits = 0
        var negative = false
        var index = 0
        while index <= count {
            let byte: UInt8 = index < count ? text[index] : UInt8(ascii: ",")
            index += 1
            switch byte {
            case UInt8(ascii: ","):
                if digits > 0 { body(position, negative ? -value : value) }
                position += 1
                value = 0
                digits = 0
                negative = false
            case UInt8(ascii: "-"):
                negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = value &* 10 &+ Int(byte &- UInt8(ascii: "0"))
                digits += 1
            default:
                break
            }
        }
    }
}
