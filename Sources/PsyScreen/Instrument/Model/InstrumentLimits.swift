/// The bounds of every number an instrument or battery file may hold, checked twice: by `psyscreen.xsd` and
/// again by the decoder (which also decodes a tree that broke the schema, to report everything in one run).
///
/// They are wide enough for any published questionnaire and narrow enough that no arithmetic on a score can
/// overflow: a sum of 500 items of ±1000 is ±500,000, and any score counted in its smallest step
/// (score × 10^decimals) stays within ±10^9, which fits the store's 32-bit counted scores and is exact in a
/// `Double`. A number outside them is a `FILE:LINE: error:`, never a trap.
package enum InstrumentLimits {
    /// What a student types for an option. Published scales use 0–3, 1–5, 0–10 or a 0–100 slider, some code
    /// answers −3…+3; ±1000 covers them all with room to spare.
    package static let optionValues = -1000...1000
    /// Items of one instrument (the longest common inventories have a few hundred).
    package static let items = 500
    /// Scales (with derived scales) of one instrument.
    package static let scales = 50
    /// Bands of one scale (the store keeps a band's position in a byte).
    package static let bands = 50
    /// Decimals a mean or derived scale keeps: more is noise (`decimals="17"` printed 2.79999999999999968).
    package static let decimals = 0...6
    /// `min-seconds` of an instrument or a battery: an hour is already far beyond any screening.
    package static let seconds = 1...3600
    /// Largest magnitude of a derived scale's `multiply`.
    package static let multiplier = 1000.0
    /// Largest magnitude of a derived scale's `add`.
    package static let offset = 1_000_000.0
    /// Largest magnitude of a band bound or of a policy's score bound.
    package static let scoreBound = 1_000_000_000.0
    /// Largest magnitude of a score counted in its smallest step (score × 10^decimals).
    package static let countedScore = 1_000_000_000.0
    /// Most digits after the point in a decimal attribute.
    package static let fractionDigits = 6
}
