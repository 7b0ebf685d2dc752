extension AuditModel {
    /// What the audit proved about one side of a count.
    enum Verdict: Equatable {
        /// A witness takes the count to the target or beyond; `value` is the furthest one.
        case reached(Int)
        /// No whole-number point does: the reader can prove the count stays on the near side of `value`.
        case short(Int)
        /// The integer search stopped at its node limit: not proved either way (treated as not protected).
        case undecided(Int)

        var value: Int {
            switch self {
            case .reached(let value), .short(let value), .undecided(let value): value
            }
        }
    }
}
