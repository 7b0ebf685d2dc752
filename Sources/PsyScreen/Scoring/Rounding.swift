/// Exact half-up rounding of fractions of integers, so that a prorated 12.5 is 13 on every machine.
enum Rounding {
    /// `numerator / denominator` rounded half up to `decimals` places (denominator > 0).
    static func halfUp(_ numerator: Int, over denominator: Int, decimals: Int) -> Double {
        let scale = power10(decimals)
        let scaled = floorDivide(2 * numerator * scale + denominator, 2 * denominator)
        return Double(scaled) / Double(scale)
    }

    /// A real number rounded half up to `decimals` places; the nudge absorbs binary representation error
    /// (4 × 2.675 must not round down).
    static func halfUp(_ value: Double, decimals: Int) -> Double {
        let scale = Double(power10(decimals))
        return ((value * scale) + 0.5 + 1e-9).rounded(.down) / scale
    }

    static func power10(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<max(exponent, 0) { result *= 10 }
        return result
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }
}
