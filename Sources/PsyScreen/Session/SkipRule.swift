/// Whether a student may leave an item unanswered: only when every scale containing it can still be scored with
/// one more missing item (PHQ-9 total: 2 of 9 may be missing; GAD-7: none). A skip the scale cannot absorb would
/// leave the student unscreened without anyone noticing, so it is refused with the reason instead.
///
/// An item watched by a crisis flag (PHQ-9 item 9) is never skippable at the terminal, whatever its scale allows:
/// a skipped item 9 raises nothing, so a student at risk would pass unseen. The student can still answer 0 or quit.
package enum SkipRule {
    package enum Decision: Hashable, Sendable {
        case allowed
        /// `allowed` items of the tightest scale may be missing and `skipped` already are.
        case refused(allowed: Int, skipped: Int)
        /// A crisis flag watches this item.
        case crisisItem
    }

    /// `skippedItemIDs`: the instrument's items already left unanswered in this attempt.
    package static func decide(_ item: Item, in instrument: Instrument, skippedItemIDs: Set<String>) -> Decision {
        if let position = instrument.items.firstIndex(of: item), instrument.canRaiseCrisis(itemAt: position) {
            return .crisisItem
        }
        var tightest: Decision = .allowed
        var tightestRoom = Int.max
        for scale in instrument.scales {
            guard case .items(_, let itemIDs, let minimumAnswered, _) = scale.definition, itemIDs.contains(item.id) else {
                continue
            }
            let allowed = max(0, itemIDs.count - minimumAnswered)
            let skipped = itemIDs.filter { $0 != item.id && skippedItemIDs.contains($0) }.count
            let room = allowed - skipped
            if room < 1 && room < tightestRoom {
                tightest = .refused(allowed: allowed, skipped: skipped)
                tightestRoom = room
            }
        }
        return tightest
    }
}
