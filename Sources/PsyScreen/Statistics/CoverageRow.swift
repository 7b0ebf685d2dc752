import Foundation

/// Screening coverage (普查率) per unit: screened ÷ enrolled, with the rest of the roster shown apart.
package struct CoverageRow: Hashable, Sendable, Codable {
    package var school: String?
    package var grade: String?
    package var className: String?
    /// Students with status `enrolled`: the denominator.
    package var enrolled: Int
    /// Enrolled students with a scored latest attempt: the numerator.
    package var screened: Int
    package var partial: Int
    package var refused: Int
    /// Enrolled students with no attempt at all.
    package var notScreened: Int
    /// Outside the denominator.
    package var onLeave: Int
    package var onInternship: Int

    /// `screened / enrolled` in percent, one decimal, rounded half up; nil when nobody is enrolled.
    package var coveragePercent: Double? {
        guard enrolled > 0 else { return nil }
        return Rounding.halfUp(screened * 100, over: enrolled, decimals: 1)
    }

    /// The total row carries no unit names.
    package var isTotal: Bool { school == nil }
}
