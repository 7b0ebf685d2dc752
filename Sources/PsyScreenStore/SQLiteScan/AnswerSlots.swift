/// The answers of many attempts in one flat array (attempt × item slot), exact over every option value the
/// instrument format allows, with a missing marker that no option can have.
///
/// Nearly every instrument's options fit in a byte, so the slots start as `Int8` (−127…127, `Int8.min` marks a
/// missing answer): a million sittings of 16 items take 16 MB. The first value outside that range widens every
/// slot to `Int` (`Int.min` marks missing). A value is never clamped: a clamped −2 would read as another answer
/// and change every statistic computed from it.
struct AnswerSlots {
    private var narrow: [Int8]
    private var wide: [Int] = []
    private var isWide = false

    /// `count` slots, all missing.
    init(count: Int) {
        narrow = [Int8](repeating: .min, count: count)
    }

    /// The answer in `slot`, or nil when missing.
    @inline(__always)
    subscript(slot: Int) -> Int? {
        if isWide {
            let value = wide[slot]
            return value == .min ? nil : value
        }
        let value = narrow[slot]
        return value == .min ? nil : Int(value)
    }

    @inline(__always)
    mutating func set(_ value: Int, at slot: Int) {
        if !isWide, value > Int(Int8.min), value <= Int(Int8.max) {
            narrow[slot] = Int8(truncatingIfNeeded: value)
            return
        }
        if !isWide { widen() }
        wide[slot] = value
    }

    private mutating func widen() {
        wide = narrow.map { $0 == .min ? .min : Int($0) }
        narrow = []
        isWide = true
    }
}
