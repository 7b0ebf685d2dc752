/// Which answers raise which flags: the one definition of the crisis rule (its crisis-kind half) and of every
/// other flag. Each path that decides whether a form, a sheet or a single answer raises a flag asks here — the
/// scoring engine and the bulk tables generated from it, the terminal's crisis text and skip rule, the paper
/// readers' notes on rejected sheets, the policy of an ad-hoc battery — so that no two of them can disagree.
///
/// A flag is raised when any of its items has an answer in the flag's range (``FlagRule/isRaised(by:)``). Only
/// answers as given count: a missing answer raises nothing, and a flag's items are never imputed, so a flag is
/// evaluated even on a form too incomplete to score.
extension Instrument {
    /// Indices into ``flags`` of the flags that `value`, given to the item at `position`, raises on its own.
    package func flags(raisedBy value: Int, atItem position: Int) -> [Int] {
        let id = items[position].id
        return flags.indices.filter { flags[$0].itemIDs.contains(id) && flags[$0].isRaised(by: value) }
    }

    /// Indices into ``flags`` of the flags that `answers` (item order, nil = missing) raise, in flag order.
    package func raisedFlags(_ answers: [Int?]) -> [Int] {
        var raised = Set<Int>()
        for (position, answer) in answers.enumerated() {
            guard let value = answer else { continue }
            raised.formUnion(flags(raisedBy: value, atItem: position))
        }
        return raised.sorted()
    }

    /// Whether `value`, given to the item at `position`, raises a crisis flag on its own (the terminal shows the
    /// crisis text at once).
    package func raisesCrisis(_ value: Int, atItem position: Int) -> Bool {
        flags(raisedBy: value, atItem: position).contains { flags[$0].kind == .crisis }
    }

    /// Whether `answers` raise a crisis flag.
    package func raisesCrisis(_ answers: [Int?]) -> Bool {
        raisedFlags(answers).contains { flags[$0].kind == .crisis }
    }

    /// Whether some option of the item at `position` raises a crisis flag: such an item is never skippable at
    /// the terminal, since a skipped item raises nothing.
    package func canRaiseCrisis(itemAt position: Int) -> Bool {
        responses(for: items[position]).values.contains { raisesCrisis($0, atItem: position) }
    }

    /// The crisis flags, in flag order.
    package var crisisFlags: [FlagRule] { flags.filter { $0.kind == .crisis } }
}
