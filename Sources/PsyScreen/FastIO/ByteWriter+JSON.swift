extension ByteWriter {
    /// Writes `bytes` (UTF-8) as a quoted JSON string: `"` and `\` are escaped, control characters become
    /// `\n`, `\r`, `\t` or `\u00XX`, everything else (including non-ASCII) is copied as it is.
    package func writeJSONString(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        try write(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            try write(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            try write(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): try write(byte)
            case 0x0A: try write(UInt8(ascii: "n"))
            case 0x0D: try write(UInt8(ascii: "r"))
            case 0x09: try write(UInt8(ascii: "t"))
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                for digit in [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] {
                    try write(digit)
                }
            }
        }
        try write(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        try write(UInt8(ascii: "\""))
    }

    /// Writes `string` as a quoted JSON string.
    package func writeJSONString(_ string: String) throws {
        var string = string
        try string.withUTF8 { try writeJSONString($0) }
    }
}
