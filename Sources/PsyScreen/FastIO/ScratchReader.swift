/// Reads a ``ScratchFile`` from the start, in order, through a buffer.
final class ScratchReader {
    private let file: ScratchFile
    private var buffer: [UInt8]
    private var bufferStart = 0  // file offset of buffer[0]
    private var filled = 0
    private var position = 0  // in buffer

    init(_ file: ScratchFile, bufferSize: Int = 64 << 10) {
        self.file = file
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// Makes `count` bytes available at `position`; `false` at the end of the file.
    private func ensure(_ count: Int) throws -> Bool {
        if filled - position >= count { return true }
        if count > buffer.count { buffer += [UInt8](repeating: 0, count: count - buffer.count) }
        let remaining = filled - position
        buffer.withUnsafeMutableBytes { raw in
            raw.baseAddress!.copyMemory(from: raw.baseAddress! + position, byteCount: remaining)
        }
        bufferStart += position
        position = 0
        filled = remaining
        let read = try buffer.withUnsafeMutableBytes { raw in
            try file.read(at: bufferStart + filled, into: raw.baseAddress! + filled, count: raw.count - filled)
        }
        filled += read
        if filled == 0 { return false }
        if filled < count { throw ScratchFile.truncated }
        return true
    }

    /// The next value of a plain type, or `nil` at the end of the file.
    func read<Value: BitwiseCopyable>() throws -> Value? {
        let size = MemoryLayout<Value>.size
        guard try ensure(size) else { return nil }
        let value = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: Value.self) }
        position += size
        return value
    }

    func readString(_ length: Int) throws -> String {
        guard length > 0 else { return "" }
        guard try ensure(length) else { throw ScratchFile.truncated }
        let text = String(decoding: buffer[position..<(position + length)], as: UTF8.self)
        position += length
        return text
    }
}
