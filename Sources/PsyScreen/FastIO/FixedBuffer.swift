/// A fixed number of plain values in memory of their own, read and written through a bounds-checked subscript
/// that costs no exclusivity check and no copy-on-write check: for tables a hot loop reads and fills in place
/// (an `Array` stored in a class pays both on every access).
///
/// Safe to use: the memory lives exactly as long as the buffer, and every index is checked.
final class FixedBuffer<Element: BitwiseCopyable> {
    let count: Int
    private let base: UnsafeMutablePointer<Element>

    init(repeating value: Element, count: Int) {
        precondition(count >= 0)
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: count)
    }

    deinit { base.deallocate() }

    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "index out of range")
            return base[index]
        }
        set {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "index out of range")
            base[index] = newValue
        }
    }
}
