/// How anonymized outputs print counts and percentages (see docs/report.md, "Disclosure control").
package enum DisclosureFormat {
    /// The one marker for every hidden value, whatever the reason: a reader must not tell a small count from a
    /// complement or a small unit.
    package static let hiddenMarker = "—"

    /// A count, or the marker when hidden (`nil`).
    package static func count(_ value: Int?) -> String {
        value.map(String.init) ?? hiddenMarker
    }

    /// A whole percentage of `count` in `denominator`, or the marker.
    ///
    /// The marker stands whenever the count or the denominator is hidden (`nil`) or the denominator is below k.
    /// Below 5 % the text is `<5%` and above 95 % it is `>95%`, zero and everyone included: "0%" and "100%" would
    /// state something about every student of the group. In between, the percentage is rounded half up.
    package static func percent(_ count: Int?, of denominator: Int?, threshold: MinimumCellSize) -> String {
        guard let count, let denominator, denominator >= threshold.k else { return hiddenMarker }
        precondition(count >= 0 && count <= denominator, "a count must lie between 0 and its denominator")
        // Exact integer comparisons, so 4.99 % is never printed as 5 %.
        if count * 100 < 5 * denominator { return "<5%" }
        if count * 100 > 95 * denominator { return ">95%" }
        let rounded = (200 * count + denominator) / (2 * denominator)
        return "\(rounded)%"
    }
}
