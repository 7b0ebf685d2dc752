import Foundation

/// Roster positions by student ID, keyed by the ID's bytes as SQLite hands them out: no String per row, and no
/// Unicode-normalizing String hash (for a district's million students that was a second of the report).
///
/// Open addressing over a power-of-two table; entry `i` is the `i`-th ID inserted, its bytes in one arena. The IDs
/// are all inserted first, then ``seal()`` places them in the table in the order of their slots: placed one by one
/// as they came, each of a million IDs wrote a random line of a table larger than the cache (a fifth of the
/// report's roster scan).
struct StudentIndex {
    private var arena: [UInt8] = []
    /// Entry `i`'s bytes are `arena[starts[i]..<starts[i + 1]]`.
    private var starts: [Int] = [0]
    /// Entry `i`'s hash (its low bits: any table's slot), until ``seal()``.
    private var hashes: [UInt32] = []
    private var slots: [Int32] = []
    private var mask = 0

    init(capacity: Int) {
        arena.reserveCapacity(capacity * 12)
        starts.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    var count: Int { starts.count - 1 }

    /// Adds an ID (not yet present) as entry ``count``; it is found once the index is sealed.
    mutating func insert(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        hashes.append(UInt32(truncatingIfNeeded: Self.hash(bytes, length)))
        arena.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        starts.append(arena.count)
    }

    /// Places every entry in a table of at least twice as many slots: the entries sorted by their slot's top bits
    /// (a counting sort of 2048 groups), so that each group's probes stay in a few pages of the table.
    mutating func seal() {
        var size = 16
        while size < count * 2 { size <<= 1 }
        mask = size - 1
        let groupBits = 11
        let shift = max(size.trailingZeroBitCount - groupBits, 0)
        var groupStarts = [Int](repeating: 0, count: (1 << groupBits) + 1)
        for hash in hashes { groupStarts[(Int(hash) & mask) >> shift + 1] += 1 }
        for group in 0..<(1 << groupBits) { groupStarts[group + 1] += groupStarts[group] }
        // Slot and entry in one word: the placing pass reads nothing else.
        var sorted = [UInt64](repeating: 0, count: count)
        for (entry, hash) in hashes.enumerated() {
            let slot = Int(hash) & mask
            sorted[groupStarts[slot >> shift]] = UInt64(slot) << 32 | UInt64(entry)
            groupStarts[slot >> shift] += 1
        }
        slots = Array(repeating: -1, count: size)
        for word in sorted {
            var slot = Int(word >> 32)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: word)
        }
        hashes = []
    }

    /// The entry of an ID, or nil (after ``seal()``).
    func find(_ bytes: UnsafePointer<UInt8>, count length: Int) -> Int? {
        precondition(!slots.isEmpty, "an index is sealed before it is searched")
        var slot = Self.hash(bytes, length) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let entry = Int(slots[slot])
                if entry < 0 { return nil }
                let start = starts[entry]
                if starts[entry + 1] - start == length && (length == 0 || memcmp(arena.baseAddress! + start, bytes, length) == 0)
                {
                    return entry
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a, then a multiply-xorshift so that the low bits (the slot) depend on every byte.
    private static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<length {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
        }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }
}
