import Foundation

/// The text of a stored cell value, as the CSV that Excel would save shows it: what the paper-results and roster
/// readers see, so that a workbook and the CSV of the same data read the same.
enum CellText {
    /// Appends the text of a number cell's stored value (`<v>`): `1.0` and `1` as `1`, `2.5` as `2.5`, with up to
    /// 15 significant digits as Excel shows them; a date-formatted number as an ISO date; zeros kept where the
    /// format pads with them. Returns false (appending nothing) when `value` is not a number.
    static func appendNumber(_ value: [UInt8], format: CellFormat, date1904: Bool, to text: inout [UInt8]) -> Bool {
        // The usual case first: a plain integer, stored exactly as it should be shown.
        if format == .number || format == .text, isCanonicalInteger(value) {
            text.append(contentsOf: value)
            return true
        }
        guard let number = Double(String(decoding: value, as: UTF8.self)), number.isFinite else { return false }
        switch format {
        case .date, .dateTime, .time:
            if let date = ExcelDate.text(serial: number, format: format, date1904: date1904) {
                text.append(contentsOf: date.utf8)
                return true
            }
        case .zeroPadded(let width):
            if number >= 0, number == number.rounded(), number < 1e15 {
                let digits = String(Int(number))
                text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(width - digits.utf8.count, 0)))
                text.append(contentsOf: digits.utf8)
                return true
            }
        case .number, .text:
            break
        }
        text.append(contentsOf: general(number).utf8)
        return true
    }

    /// A number as Excel's General format writes it to CSV: integers in full (below 2^53), otherwise at most 15
    /// significant digits (`0.1 + 0.2` is `0.3`).
    static func general(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return String(Int(number))
        }
        return String(format: "%.15g", number)
    }

    /// `0`, or 1 to 15 digits without a leading zero, optionally after `-`.
    private static func isCanonicalInteger(_ value: [UInt8]) -> Bool {
        var digits = value[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 15 else { return false }
        if digits.first == UInt8(ascii: "0") && (digits.count > 1 || value.count > 1) { return false }
        for byte in digits where byte &- UInt8(ascii: "0") >= 10 { return false }
        return true
    }

    /// Decodes the escapes OOXML uses for characters XML cannot hold (`_x000D_` is a carriage return; `_x005F_`
    /// is the underscore that starts an escape written literally).
    static func unescapingOOXML(_ text: [UInt8]) -> [UInt8] {
        guard text.count >= 7, text.contains(UInt8(ascii: "_")) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: "_"), index + 6 < text.count, text[index + 1] == UInt8(ascii: "x"),
                text[index + 6] == UInt8(ascii: "_"),
                let code = UInt32(String(decoding: text[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.append(contentsOf: Array(String(Character(scalar)).utf8))
                index += 7
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }
}
