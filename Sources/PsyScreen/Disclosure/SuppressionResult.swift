/// Which published cells to hide, and why (for audit and tests only: every output shows the same marker,
/// ``DisclosureFormat/hiddenMarker``, whatever the reason).
package struct SuppressionResult: Hashable, Sendable {
    package typealias CellID = SuppressionProblem.CellID

    package enum Reason: Hashable, Sendable {
        /// The cell belongs to a unit whose enrolment is below k.
        case smallUnit
        /// A count of 1…k−1.
        case smallCount
        /// The rest of its category partition is 1…k−1 ("everyone but 2 is red").
        case smallRemainder
        /// Hidden so that another hidden cell cannot be computed from the published ones.
        case complementary
        /// Hidden by an earlier publication of the same figure (``SuppressionProblem/Cell/isWithheld``).
        case withheld
    }

    /// Published cells that must not be shown, with the first reason found.
    package var reasons: [CellID: Reason]

    /// Every cell whose value must not be recoverable: the hidden cells and the unpublished cells that primary
    /// suppression would have hidden.
    package var protected: Set<CellID>

    /// Hidden zeros (of small units, or beside a small total) whose value still follows from published zeros (say
    /// a grade with no red student at all). Hiding them would take hiding zeros, which the policy never does; a zero tells no
    /// one anything about a student that the published zeros do not already say.
    package var exposedZeros: [CellID]

    /// True when exact arithmetic overflowed in some component and every non-zero published cell of that
    /// component was hidden instead (never observed with 0/±1 equations; reported so that it is not silent).
    /// ``exposedZeros`` is not computed for such a component.
    package var usedFallback: Bool

    package var hidden: Set<CellID> { Set(reasons.keys) }

    package func isHidden(_ cell: CellID) -> Bool { reasons[cell] != nil }
}
