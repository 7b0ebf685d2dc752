#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes byte ranges from a file in place, in one forward pass: the rows of repeated records, once they are
/// known at the end of a run.
///
/// Bytes only move towards the start (what is kept after a removed range is copied down over it), so reading
/// ahead of writing in the same file is safe; the file is then truncated. Nothing before the first removed range
/// is touched.
final class OutputCompactor {
    private let descriptor: Int32
    private let name: String
    private var readPosition = 0
    private var writePosition = 0
    private var buffer: [UInt8]

    init(fileDescriptor: Int32, name: String, bufferSize: Int = 1 << 20) {
        descriptor = fileDescriptor
        self.name = name
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// Removes `length` bytes at `offset`. Ranges must come in increasing order and not overlap.
    func remove(offset: Int, length: Int) throws {
        precondition(offset >= readPosition, "ranges must be given in order")
        try copy(upTo: offset)
        readPosition = offset + length
    }

    /// Copies the rest of the file down and truncates it to its new length.
    func finish(fileSize: Int) throws {
        try copy(upTo: fileSize)
        guard ftruncate(descriptor, off_t(writePosition)) == 0 else { throw FileError.system(name, .truncate) }
        _ = lseek(descriptor, off_t(writePosition), SEEK_SET)
    }

    private func copy(upTo end: Int) throws {
        if readPosition == writePosition {  // nothing removed yet: the bytes are already where they belong
            readPosition = end
            writePosition = end
            return
        }
        while readPosition < end {
            let wanted = min(buffer.count, end - readPosition)
            let count = try buffer.withUnsafeMutableBytes { raw -> Int in
                var done = 0
                while done < wanted {
                    let result = pread(descriptor, raw.baseAddress! + done, wanted - done, off_t(readPosition + done))
                    if result < 0 && errno == EINTR { continue }
                    if result < 0 { throw FileError.system(name, .readBack) }
                    if result == 0 { break }
                    done += result
                }
                return done
            }
            guard count == wanted else { throw FileError(path: name, .shrankWhileRewritten) }
            try buffer.withUnsafeBytes { raw in
                var done = 0
                while done < count {
                    let result = pwrite(descriptor, raw.baseAddress! + done, count - done, off_t(writePosition + done))
                    if result < 0 && errno == EINTR { continue }
                    if result <= 0 { throw FileError.system(name, .write) }
                    done += result
                }
            }
            readPosition += count
            writePosition += count
        }
    }
}
