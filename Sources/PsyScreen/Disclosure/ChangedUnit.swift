/// A unit an output shows, holding students whose result changed between two releases of a wave: too few of them
/// (1 to k − 1) and comparing the releases would show who they are and what they have.
package struct ChangedUnit: Hashable, Sendable {
    /// `school`, `school/grade`, `school/grade/class`, with ` [gender=…]` or ` [major=…]` for a group; empty for the
    /// whole wave.
    package var name: String
    package var changed: Int
    package var size: Int

    package init(name: String, changed: Int, size: Int) {
        self.name = name
        self.changed = changed
        self.size = size
    }
}
