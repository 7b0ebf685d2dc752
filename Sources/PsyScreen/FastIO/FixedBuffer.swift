/// A fixed number of plain values in memory of their own, read and written through a bounds-checked subscript
/// that costs no exclusivity check and no copy-on-write check: for tables a hot loop reads and fills in place
/// (an `Array` stored in a class pays both on every access).
///
/// Safe to use: the memory lives exactly as long as the buffer, and every index is checked.
final class FixedBuffer<Element: BitwiseCopyable> {
    let count: Int
    /// The elements, for the few loops in FastIO that read them unchecked after checking their bounds once.
    let elements: UnsafeMutablePointer<Element>
    private var base: UnsafeMutablePointer<Element> { elements }

    init(repeating value: Element, count: Int) {
        precondition(count >= 0)
        self.count = count
        elements = .allocate(capacity: max(count, 1))
        elements.initialize(repeating: value, count: count)
    }

    /// A copy of `values`.
    init(_ values: [Element]) {
        count = values.count
        elements = .allocate(capacity: max(count, 1))
        elements.initialize(from: values, count: count)
    }

    deinit { elements.deallocate() }

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
