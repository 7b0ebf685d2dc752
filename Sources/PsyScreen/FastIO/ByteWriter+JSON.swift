extension ByteWriter {
    /// Writes `bytes` (UTF-8) as a quoted JSON string, escaped as ``JSONEscaping`` says.
    package func writeJSONString(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        try write(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<bytes.count where JSONEscaping.needsEscape(bytes[index]) {
            // Runs without escapes are copied whole.
            try write(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            try JSONEscaping.sequence(bytes[index]).withUnsafeBufferPointer { try write($0) }
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
