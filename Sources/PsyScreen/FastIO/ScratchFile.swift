#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A temporary file without a name, for data that does not fit in memory (sort runs, spooled reports).
///
/// It is created with `mkstemp` and unlinked at once (with interrupts blocked in between), so the operating
/// system frees it when the descriptor closes: nothing is left behind, whatever way the process ends. Writes are
/// appended through a buffer; reads are positional (`pread`), so several readers can share the file.
package final class ScratchFile {
    /// Where the data goes; for callers that write or copy it themselves (after ``flush()``).
    package let fileDescriptor: Int32
    private let writer: ByteWriter
    /// The folder it was made in (it has no name): what its errors name.
    private let directory: String
    /// Where the file started when last truncated, for ``size`` (the writer counts from its creation).
    private var base = 0

    /// Bytes appended so far, buffered or not.
    package var size: Int { writer.position - base }

    /// Creates the file in `directory` (the output's folder, or the system's temporary folder).
    package init(directory: String, bufferSize: Int = 256 << 10) throws {
        var template = Array("\(directory)/.psyscreen-scratch-XXXXXX".utf8CString)
        let fd = TemporaryFileCleanup.withSignalsBlocked {
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if fd >= 0 { template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) } }
            return fd
        }
        guard fd >= 0 else { throw FileError.system(directory, .createTemporaryFile) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        fileDescriptor = fd
        self.directory = directory
        writer = ByteWriter(fileDescriptor: fd, name: directory, capacity: bufferSize)
    }

    deinit { close(fileDescriptor) }

    /// The folder for scratch files: `$TMPDIR` or `/tmp`.
    package static var defaultDirectory: String {
        if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
        return "/tmp"
    }

    /// Appends raw bytes.
    @inline(__always)
    package func append(_ bytes: UnsafeRawBufferPointer) throws {
        try writer.write(UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count))
    }

    /// Room for `count` bytes to be written in place, then committed with ``advance(by:)``; `nil` when `count`
    /// is more than the buffer holds (append instead).
    @inline(__always)
    func reserve(_ count: Int) throws -> UnsafeMutablePointer<UInt8>? { try writer.reserveIfFits(count) }

    @inline(__always)
    func advance(by count: Int) { writer.advance(by: count) }

    /// Appends the bytes of a value of a plain type (an integer, a struct of integers).
    @inline(__always)
    package func append<Value: BitwiseCopyable>(value: Value) throws {
        try withUnsafeBytes(of: value) { try append($0) }
    }

    /// Appends UTF-8 text.
    package func append(_ string: String) throws {
        var string = string
        try string.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
    }

    /// Writes buffered bytes to the file (reads only see flushed bytes).
    package func flush() throws { try writer.flush() }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    package func read(at offset: Int, into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        var done = 0
        while done < count {
            let result = pread(fileDescriptor, buffer + done, count - done, off_t(offset + done))
            if result < 0 {
                if errno == EINTR { continue }
                throw FileError.system(directory, .readTemporaryFile)
            }
            if result == 0 { break }
            done += result
        }
        return done
    }

    /// Reads exactly `count` bytes at `offset`.
    package func readExactly(at offset: Int, into buffer: UnsafeMutableRawPointer, count: Int) throws {
        guard try read(at: offset, into: buffer, count: count) == count else { throw Self.truncated }
    }

    /// What a read past the end means: another process cut the file.
    static var truncated: FileError { FileError(path: defaultDirectory, .endedEarly) }

    /// Drops everything (to reuse the file for the next pass).
    package func truncate() throws {
        try writer.flush()
        guard ftruncate(fileDescriptor, 0) == 0, lseek(fileDescriptor, 0, SEEK_SET) == 0 else {
            throw FileError.system(directory, .truncateTemporaryFile)
        }
        base = writer.position
    }
}
