#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts GB18030 (and so GBK and GB2312) bytes to UTF-8, as glibc's `iconv` does, at memory speed.
///
/// A CSV file is mostly ASCII with a few Chinese fields per row, and calling `iconv` on a whole 50 MB file costs
/// about as much as parsing it. So ASCII is copied eight bytes at a time, two-byte characters (every character
/// of GBK) are looked up in a table that is filled once from `iconv` itself, and only the rare four-byte
/// characters go through `iconv` one by one. The mapping is therefore exactly glibc's.
final class GB18030Decoder {
    enum Status: Equatable {
        /// Stopped because the input is used up or the output is (nearly) full.
        case ok
        /// The input ends inside a character: call again with more bytes.
        case truncated
        /// The bytes at the stop position are not GB18030.
        case invalid
    }

    /// Code points of the two-byte codes: lead 0x81…0xFE × trail 0x40…0x7E, 0x80…0xFE; 0 = not a character.
    /// (A few two-byte codes map outside the BMP in glibc, e.g. FE51 → U+20087, hence 32 bits.)
    private static let twoByteTable: [UInt32] = buildTwoByteTable()
    private let table: [UInt32]
    private let converter: iconv_t

    init() throws {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else {
            throw FileError(path: "iconv", .gb18030Unavailable)
        }
        self.converter = converter!
        table = Self.twoByteTable
    }

    deinit { iconv_close(converter) }

    /// Decodes `input[0..<count]` into `output[0..<capacity]` and tells how far it got on both sides.
    func decode(
        _ input: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>, capacity: Int
    ) -> (consumed: Int, produced: Int, status: Status) {
        var i = 0, o = 0
        let rawInput = UnsafeRawPointer(input), rawOutput = UnsafeMutableRawPointer(output)
        return table.withUnsafeBufferPointer { table in
            while i < count {
                if i + 8 <= count && o + 8 <= capacity {
                    let word = rawInput.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        rawOutput.storeBytes(of: word, toByteOffset: o, as: UInt64.self)
                        i += 8
                        o += 8
                        continue
                    }
                }
                let lead = input[i]
                if lead < 0x80 {
                    if o == capacity { break }
                    output[o] = lead
                    i += 1
                    o += 1
                    continue
                }
                if capacity - o < 4 { break }
                guard lead != 0x80 && lead != 0xFF else { return (i, o, .invalid) }
                guard i + 1 < count else { return (i, o, .truncated) }
                let trail = input[i + 1]
                switch trail {
                case 0x30...0x39:
                    guard i + 3 < count else {
                        let plausible = i + 2 >= count || (0x81...0xFE).contains(input[i + 2])
                        return (i, o, plausible ? .truncated : .invalid)
                    }
                    let produced = convertFourBytes(input + i, into: output + o)
                    guard produced > 0 else { return (i, o, .invalid) }
                    i += 4
                    o += produced
                case 0x40...0x7E, 0x80...0xFE:
                    let index = Int(lead &- 0x81) &* 190 &+ Int(trail < 0x7F ? trail &- 0x40 : trail &- 0x41)
                    let scalar = table[index]
                    guard scalar != 0 else { return (i, o, .invalid) }
                    o += Self.encode(scalar, into: output + o)
                    i += 2
                default:
                    return (i, o, .invalid)
                }
            }
            return (i, o, .ok)
        }
    }

    /// Converts one four-byte character with `iconv`; returns the UTF-8 length, or 0 if it is not GB18030.
    private func convertFourBytes(_ input: UnsafePointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input)
            .assumingMemoryBound(to: CChar.self)
        var inLeft = 4
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output)
            .assumingMemoryBound(to: CChar.self)
        var outLeft = 4
        guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return 0 }
        return 4 - outLeft
    }

    @inline(__always)
    private static func encode(_ scalar: UInt32, into output: UnsafeMutablePointer<UInt8>) -> Int {
        if scalar < 0x80 {
            output[0] = UInt8(scalar)
            return 1
        }
        if scalar < 0x800 {
            output[0] = UInt8(0xC0 | (scalar >> 6))
            output[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        }
        if scalar < 0x10000 {
            output[0] = UInt8(0xE0 | (scalar >> 12))
            output[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            output[2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        }
        output[0] = UInt8(0xF0 | (scalar >> 18))
        output[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
        output[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        output[3] = UInt8(0x80 | (scalar & 0x3F))
        return 4
    }

    /// Asks `iconv` for every two-byte code once (about 24,000 calls, a millisecond or two).
    private static func buildTwoByteTable() -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 126 * 190)
        guard let converter = iconv_open("UTF-32LE", "GB18030"), converter != iconv_t(bitPattern: -1) else {
            return table
        }
        defer { iconv_close(converter) }
        var index = 0
        for lead in UInt8(0x81)...0xFE {
            for trail in UInt8(0x40)...0xFE where trail != 0x7F {
                var input: [CChar] = [CChar(bitPattern: lead), CChar(bitPattern: trail)]
                var output = [UInt8](repeating: 0, count: 8)
                let converted = input.withUnsafeMutableBufferPointer { inBuffer in
                    output.withUnsafeMutableBytes { outBuffer in
                        var inPointer = inBuffer.baseAddress
                        var inLeft = 2
                        var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                        var outLeft = 8
                        let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                        return result != -1 && inLeft == 0 && outLeft == 4
                    }
                }
                if converted {
                    let scalar =
                        UInt32(output[0]) | UInt32(output[1]) << 8 | UInt32(output[2]) << 16
                        | UInt32(output[3]) << 24
                    if Unicode.Scalar(scalar) != nil { table[index] = scalar }
                }
                index += 1
            }
        }
        return table
    }
}
