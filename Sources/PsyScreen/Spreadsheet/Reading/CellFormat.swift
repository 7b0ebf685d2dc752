/// How a cell's number is meant to be read, from its number format: what psyscreen needs to turn the stored value
/// into the text a counselor typed (a date stays a date, `000123` keeps its zeros).
enum CellFormat: Hashable, Sendable {
    /// A plain number (General, `0.00`, percentages, …): written as Excel's General shows it.
    case number
    /// A date: `2009-05-12`.
    case date
    /// A date and time: `2009-05-12 08:30:00`.
    case dateTime
    /// A time of day: `08:30:00`.
    case time
    /// Text (`@`): a number stored in such a cell is written as a plain number.
    case text
    /// Only zeros (`000000`): the integer padded with leading zeros to that many digits, as Excel shows it.
    case zeroPadded(Int)

    /// The format of a built-in number format id (ECMA-376 §18.8.30, with the East Asian ids that Chinese Excel
    /// uses for its dates: 27–36 and 50–58).
    static func builtIn(_ id: Int) -> CellFormat {
        switch id {
        case 14...17, 27...31, 36, 50...54, 57, 58: .date
        case 22: .dateTime
        case 18...21, 32...35, 45...47, 55, 56: .time
        case 49: .text
        case 1: .zeroPadded(1)
        default: .number
        }
    }

    /// The format of a custom format code (`yyyy"年"m"月"d"日"`, `0.00`, `000000`, `[$-804]yyyy/m/d h:mm`).
    ///
    /// Quoted literals, escaped characters, fills, paddings and bracketed sections (colours, locales) are dropped
    /// first; then a `y` or `d` makes a date (and an `h` or `s` besides, a date and time), an `h` or `s` alone (or
    /// an elapsed-time bracket) a time. Only the first section (before `;`) counts, as for positive numbers.
    static func custom(_ code: String) -> CellFormat {
        var kept: [UInt8] = []
        var elapsed = false
        var bytes = Array(code.utf8)[...]
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: ";"):
                bytes = []
            case UInt8(ascii: "\""):
                while let next = bytes.popFirst(), next != UInt8(ascii: "\"") {}
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                _ = bytes.popFirst()
            case UInt8(ascii: "["):
                var inside: [UInt8] = []
                while let next = bytes.popFirst(), next != UInt8(ascii: "]") { inside.append(next | 0x20) }
                if !inside.isEmpty,
                    inside.allSatisfy({ $0 == UInt8(ascii: "h") || $0 == UInt8(ascii: "m") || $0 == UInt8(ascii: "s") })
                {
                    elapsed = true
                }
            default:
                kept.append(byte < 0x80 ? byte | 0x20 : byte)
            }
        }
        let text = String(decoding: kept, as: UTF8.self)
        if text == "general" { return .number }
        if text == "@" { return .text }
        let isDate = text.contains("y") || text.contains("d")
        let isTime = elapsed || text.contains("h") || text.contains("s")
        if isDate { return isTime ? .dateTime : .date }
        if isTime { return .time }
        if !kept.isEmpty, kept.allSatisfy({ $0 == UInt8(ascii: "0") }) { return .zeroPadded(kept.count) }
        return .number
    }
}
