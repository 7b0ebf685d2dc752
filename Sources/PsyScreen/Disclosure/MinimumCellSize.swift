/// The minimum cell size k of disclosure control (docs/report.md, "Disclosure control"), with the two primary-suppression rules.
///
/// A value of this type is always at least ``floor``: the check happens once, where the setting enters the
/// program, so no code path can suppress with a threshold that is too small.
package struct MinimumCellSize: Hashable, Sendable, CustomStringConvertible {
    /// Lowest k a school may configure. Below 5, counts of 1–4 would be shown and single students recognised.
    package static let floor = 5

    /// The default, the most common threshold in US state education reporting.
    package static let standard = MinimumCellSize(uncheckedK: 10)

    /// The threshold: counts 1…k−1 are small.
    package let k: Int

    /// Refuses a threshold below ``floor``.
    package init(_ k: Int) throws(DisclosureSettingError) {
        guard k >= Self.floor else { throw DisclosureSettingError(requestedK: k) }
        self.k = k
    }

    private init(uncheckedK k: Int) { self.k = k }

    /// True for a count of 1…k−1. Zero is not small: a zero is published.
    package func isSmall(_ count: Int) -> Bool { count >= 1 && count < k }

    /// True when the rest of a group, `total − part`, is 1…k−1: publishing the part would say "everyone in this
    /// class but 2 is red". A zero part counts too: in a unit of 7 screened, "0 are red" says "all 7 are not".
    package func isSmallRemainder(part: Int, total: Int) -> Bool {
        isSmall(total - part)
    }

    package var description: String { "k = \(k)" }
}

/// A disclosure threshold that may not be used.
package struct DisclosureSettingError: Error, Hashable, Sendable, Message, CustomStringConvertible {
    package var requestedK: Int

    package var description: String { english }

    package var english: String {
        "minimum cell size \(requestedK) is too small: disclosure control needs k ≥ \(MinimumCellSize.floor)"
            + " (the default is \(MinimumCellSize.standard.k))"
    }
}
