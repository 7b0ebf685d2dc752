/// A 64-bit hash of a short byte string (a student ID), for sorting IDs into groups of possible repeats.
///
/// It is not what decides that two IDs are the same: ``RepeatedIDFinder`` compares the IDs themselves within a
/// group of equal hashes, so a collision could only cost a read, never a wrong rejection. That is also why 64
/// bits are enough (about one colliding pair per 10¹² pairs of IDs) where a hash trusted on its own would want
/// 128, and the sort keys stay at 16 bytes. Eight bytes are mixed at a time and the result goes through
/// MurmurHash3's finalizer, so every input bit affects the top bits the sort buckets on.
package enum IDHash {
    @inline(__always)
    package static func hash(_ bytes: UnsafePointer<UInt8>, count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> UInt64 {
        var h = seed ^ (UInt64(count) &* 0xC2B2_AE3D_27D4_EB4F)
        var offset = 0
        let raw = UnsafeRawPointer(bytes)
        while offset &+ 8 <= count {
            h = mix(h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset &+= 8
        }
        if offset < count {
            var last: UInt64 = 0
            for index in 0..<(count &- offset) { last |= UInt64(bytes[offset &+ index]) << (8 &* UInt64(index)) }
            h = mix(h ^ last)
        }
        return finalize(h)
    }

    package static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count) }
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0x87C3_7B91_1142_53D5
        return (product << 31 | product >> 33) &* 0x4CF5_AD43_2745_937F
    }

    /// MurmurHash3's 64-bit finalizer (full avalanche).
    @inline(__always)
    private static func finalize(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k = k &* 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k = k &* 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }
}
