/// Scores as written in files: fixed decimals, no trailing noise (`12`, `1.25`).
package enum ScoreFormat {
    package static func string(_ value: Double, decimals: Int) -> String {
        if decimals == 0 { return integer(Int(value.rounded())) }
        var scaled = Int((abs(value) * Double(Rounding.power10(decimals))).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        var digits: [Character] = []
        for _ in 0..<decimals {
            digits.append(Character(String(scaled % 10)))
            scaled /= 10
        }
        return sign + String(scaled) + "." + String(digits.reversed())
    }

    /// `String(value)`, without formatting the digits again for the values every answer and most scores take.
    package static func integer(_ value: Int) -> String {
        UInt(bitPattern: value) < UInt(small.count) ? small[value] : String(value)
    }

    private static let small = (0..<128).map { String($0) }
}
