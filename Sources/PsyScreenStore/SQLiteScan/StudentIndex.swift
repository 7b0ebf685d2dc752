import Foundation

/// Roster positions by student ID, keyed by the ID's bytes as SQLite hands them out: no String per row, and no
/// Unicode-normalizing String hash (for a district's million students that was a second of the report).
///
/// Open addressing over a power-of-two table; entry `i` is the `i`-th ID inserted, its bytes in one arena.
struct StudentIndex {
    private var arena: [UInt8] = []
    /// Entry `i`'s bytes are `arena[starts[i]..<starts[i + 1]]`.
    private var starts: [Int] = [0]
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 12)
        starts.reserveCapacity(capacity + 1)
    }

    var count: Int { starts.count - 1 }

    /// Adds an ID (not yet present) as entry ``count``.
    mutating func insert(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        var slot = Self.hash(bytes, length) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(count)
        arena.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        starts.append(arena.count)
    }

    /// The entry of an ID, or nil.
    func find(_ bytes: UnsafePointer<UInt8>, count length: Int) -> Int? {
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

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        arena.withUnsafeBufferPointer { arena in
            for entry in 0..<count {
                var slot = Self.hash(arena.baseAddress! + starts[entry], starts[entry + 1] - starts[entry]) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(entry)
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
