import Foundation

/// The compact answers of an instrument result (``AnswerColumn``: comma-separated values, empty for a missing
/// answer) read in place: the cohort scan (``ResultScan``) and the attempt reader parse them with this.
enum AnswerScan {
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
