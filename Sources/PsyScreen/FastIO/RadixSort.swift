/// Sorts a buffer of ``ExternalSortable`` values: a least-significant-digit radix sort on the top 22 bits of the
/// prefix (two passes of 11 bits through a second buffer, 2048 buckets each, which stay in cache), then each
/// group of values whose top bits agree is finished by comparison. For the evenly spread hashes of student IDs
/// the groups hold one value or none, so this is a few sequential passes: several times faster than a comparison
/// sort, which matters because every record's key goes through it. Any prefix distribution stays correct (and
/// O(n log n)): only speed depends on the spread.
final class RadixSort {
    static let digitBits = 11
    static let buckets = 1 << digitBits
    static let smallSort = 32
    private let counts: UnsafeMutablePointer<Int>

    init() { counts = .allocate(capacity: 2 * Self.buckets) }

    deinit { counts.deallocate() }

    /// Sorts `base[0..<count]`, using `temporary` (room for `count` values) as the second buffer.
    func sort<Element: ExternalSortable>(
        _ base: UnsafeMutablePointer<Element>, count: Int, temporary: UnsafeMutablePointer<Element>
    ) {
        guard count > Self.smallSort else {
            Self.insertionSort(base, count: count)
            return
        }
        var lowest = UInt64.max, highest = UInt64.min
        for index in 0..<count {
            let prefix = base[index].sortPrefix
            lowest = min(lowest, prefix)
            highest = max(highest, prefix)
        }
        let rangeBits = UInt64.bitWidth - (highest &- lowest).leadingZeroBitCount
        let bits = min(rangeBits, 2 * Self.digitBits)
        let low = UInt64(rangeBits - bits)  // the digits are the `bits` bits above this one
        let lowMask = UInt64(Self.buckets - 1)
        let highBits = UInt64(max(bits - Self.digitBits, 0))
        @inline(__always) func key(_ value: Element) -> UInt64 { (value.sortPrefix &- lowest) >> low }
        let first = counts, second = counts + Self.buckets
        first.initialize(repeating: 0, count: 2 * Self.buckets)
        for index in 0..<count {
            let k = key(base[index])
            first[Int(truncatingIfNeeded: k & lowMask)] &+= 1
            second[Int(truncatingIfNeeded: k >> Self.shift)] &+= 1
        }
        Self.scatter(from: base, to: temporary, count: count, starts: first) { Int(truncatingIfNeeded: key($0) & lowMask) }
        if highBits > 0 {
            Self.scatter(from: temporary, to: base, count: count, starts: second) {
                Int(truncatingIfNeeded: key($0) >> Self.shift)
            }
        } else {
            base.update(from: temporary, count: count)
        }
        // Values whose top bits agree are still in their input order: finish each such group by comparison.
        var groupStart = 0
        while groupStart < count {
            let groupKey = key(base[groupStart])
            var groupEnd = groupStart &+ 1
            while groupEnd < count && key(base[groupEnd]) == groupKey { groupEnd &+= 1 }
            let size = groupEnd &- groupStart
            if size > Self.smallSort {
                var values = UnsafeMutableBufferPointer(start: base + groupStart, count: size)
                values.sort()
            } else if size > 1 {
                Self.insertionSort(base + groupStart, count: size)
            }
            groupStart = groupEnd
        }
    }

    private static let shift = UInt64(digitBits)

    /// A stable counting scatter: `starts` holds bucket sizes and is turned into running positions.
    @inline(__always)
    private static func scatter<Element>(
        from source: UnsafeMutablePointer<Element>, to target: UnsafeMutablePointer<Element>, count: Int,
        starts: UnsafeMutablePointer<Int>, digit: (Element) -> Int
    ) {
        var position = 0
        for bucket in 0..<buckets {
            let size = starts[bucket]
            starts[bucket] = position
            position &+= size
        }
        for index in 0..<count {
            let value = source[index]
            let bucket = digit(value)
            target[starts[bucket]] = value
            starts[bucket] &+= 1
        }
    }

    private static func insertionSort<Element: Comparable>(_ values: UnsafeMutablePointer<Element>, count: Int) {
        guard count > 1 else { return }
        for index in 1..<count {
            let value = values[index]
            var position = index
            while position > 0 && value < values[position - 1] {
                values[position] = values[position - 1]
                position -= 1
            }
            values[position] = value
        }
    }
}
