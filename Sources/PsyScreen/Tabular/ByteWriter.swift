#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer of bytes to a file descriptor: one `write(2)` per megabyte instead of one per field.
///
/// It does not own the descriptor and does not flush on deinit (a failed write there could not be reported):
/// call ``flush()`` when done, before committing an ``AtomicFileWriter``.
public final class ByteWriter {
    /// The output's name for error messages.
    public let name: String
    private let descriptor: Int32
    // Visible to the writers' inlinable fast paths, which append straight into the buffer when there is room.
    // The fill level lives behind a pointer because a stored `var` of a class, modified from code inlined into
    // another module, costs a dynamic exclusivity check (two runtime calls) per field.
    @usableFromInline let buffer: UnsafeMutablePointer<UInt8>
    @usableFromInline let capacity: Int
    /// Bytes buffered so far.
    @usableFromInline let fill: UnsafeMutablePointer<Int>

    /// Bytes handed to the descriptor so far.
    public private(set) var flushedCount = 0

    /// Bytes written through this writer so far, flushed or not: where the next byte lands in a file that was
    /// empty when the writer was made.
    public var position: Int { flushedCount + fill.pointee }

    private var count: Int {
        get { fill.pointee }
        set { fill.pointee = newValue }
    }

    public init(fileDescriptor: Int32, name: String, capacity: Int = 1 << 20) {
        precondition(capacity >= 64, "buffer too small")
        descriptor = fileDescriptor
        self.name = name
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
        fill = .allocate(capacity: 1)
        fill.initialize(to: 0)
    }

    deinit {
        buffer.deallocate()
        fill.deallocate()
    }

    /// Appends `bytes`.
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count > capacity - count {
            try flush()
            if bytes.count >= capacity {
                try writeAll(source, bytes.count)
                return
            }
        }
        (buffer + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends one byte.
    @inline(__always)
    public func write(_ byte: UInt8) throws {
        if count == capacity { try flush() }
        buffer[count] = byte
        count += 1
    }

    /// Appends the UTF-8 of `string`.
    public func write(_ string: String) throws {
        var string = string
        try string.withUTF8 { try write($0) }
    }

    /// Appends `value` in decimal, without going through `String`.
    public func write(integer value: Int) throws {
        let out = try reserve(20)
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        var length = digits
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            length += 1
        }
        var index = length - 1
        repeat {
            out[index] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude % 10)
            magnitude /= 10
            index -= 1
        } while magnitude > 0
        count += length
    }

    /// Writes out everything buffered.
    public func flush() throws {
        guard count > 0 else { return }
        let pending = count
        count = 0
        try writeAll(buffer, pending)
    }

    /// Room for `size` (≤ 64) bytes at the returned pointer; the caller then calls ``advance(by:)``.
    @inline(__always)
    func reserve(_ size: Int) throws -> UnsafeMutablePointer<UInt8> {
        if capacity - count < size { try flush() }
        return buffer + count
    }

    /// Room for `size` bytes if the buffer can hold them at all, else `nil`.
    @inline(__always)
    func reserveIfFits(_ size: Int) throws -> UnsafeMutablePointer<UInt8>? {
        guard size <= capacity else { return nil }
        if capacity - count < size { try flush() }
        return buffer + count
    }

    @inline(__always)
    func advance(by size: Int) { count += size }

    private func writeAll(_ bytes: UnsafePointer<UInt8>, _ size: Int) throws {
        flushedCount += size
        var written = 0
        while written < size {
            let result = systemWrite(descriptor, bytes + written, size - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw FileError.system(name, "cannot write")
            }
            written += result
        }
    }
}

/// `write(2)`, which the methods named `write` above would otherwise shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ size: Int) -> Int {
    write(descriptor, bytes, size)
}
