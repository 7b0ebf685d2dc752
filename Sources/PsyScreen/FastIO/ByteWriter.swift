#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered writer of bytes to a file descriptor: one `write(2)` per megabyte instead of one per field.
///
/// It does not own the descriptor and does not flush on deinit (a failed write there could not be reported):
/// call ``flush()`` when done, before committing an ``AtomicFileWriter``.
///
/// With ``writeInBackground(spare:startingWritebackEvery:)`` full buffers go to a second thread that writes them while this one fills the
/// next: the kernel's copy of the bytes then costs the producer nothing.
package final class ByteWriter {
    /// The output's name for error messages.
    package let name: String
    private let descriptor: Int32
    // Visible to the writers' inlinable fast paths, which append straight into the buffer when there is room.
    // The buffer and its fill level live behind pointers because a stored `var` of a class, modified from code
    // inlined into another module, costs a dynamic exclusivity check (two runtime calls) per field.
    @usableFromInline let current: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>
    @usableFromInline var buffer: UnsafeMutablePointer<UInt8> {
        @inline(__always) get { current.pointee }
    }
    @usableFromInline let capacity: Int
    /// Bytes buffered so far.
    @usableFromInline let fill: UnsafeMutablePointer<Int>

    /// Bytes handed to the descriptor so far (in the background: handed to the writing thread).
    package private(set) var flushedCount = 0
    private var background: BackgroundWrites?

    /// Bytes written through this writer so far, flushed or not: where the next byte lands in a file that was
    /// empty when the writer was made.
    package var position: Int { flushedCount + fill.pointee }

    private var count: Int {
        get { fill.pointee }
        set { fill.pointee = newValue }
    }

    package init(fileDescriptor: Int32, name: String, capacity: Int = 1 << 20) {
        precondition(capacity >= 64, "buffer too small")
        descriptor = fileDescriptor
        self.name = name
        self.capacity = capacity
        current = .allocate(capacity: 1)
        current.initialize(to: .allocate(capacity: capacity))
        fill = .allocate(capacity: 1)
        fill.initialize(to: 0)
    }

    deinit {
        // Waits for the writing thread, so that no buffer is freed under it.
        background?.close()
        buffer.deallocate()
        current.deallocate()
        fill.deallocate()
    }

    /// From now on, full buffers are written by a second thread (`spare` more buffers of the same size) while
    /// this one goes on; ``flush()`` still returns only once everything is written. Call it once, before
    /// writing.
    /// - Parameter startingWritebackEvery: for a file that will be committed with `fsync`: after each this many
    ///   bytes, the thread asks the kernel to start putting them on disk, so that the `fsync` finds little left.
    package func writeInBackground(spare: Int = 2, startingWritebackEvery: Int? = nil) {
        precondition(background == nil && spare >= 1)
        background = BackgroundWrites(
            descriptor: descriptor, name: name, capacity: capacity, spare: spare, writebackEvery: startingWritebackEvery)
    }

    /// Appends `bytes`.
    package func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write($0) }
    }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count > capacity - count {
            if bytes.count >= capacity {
                try flush()
                flushedCount += bytes.count
                try Self.writeAll(descriptor, name, source, bytes.count)
                return
            }
            try handOff()
        }
        (buffer + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends one byte.
    @inline(__always)
    package func write(_ byte: UInt8) throws {
        if count == capacity { try handOff() }
        buffer[count] = byte
        count += 1
    }

    /// Appends the UTF-8 of `string`.
    package func write(_ string: String) throws {
        var string = string
        try string.withUTF8 { try write($0) }
    }

    /// Appends `value` in decimal, without going through `String`.
    package func write(integer value: Int) throws {
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

    /// Writes out everything buffered, and waits for the writing thread to have written everything before.
    package func flush() throws {
        try handOff()
        try background?.drain()
    }

    /// Passes the buffered bytes on: to the descriptor, or to the writing thread in exchange for an empty buffer.
    private func handOff() throws {
        guard count > 0 else { return }
        let pending = count
        count = 0
        flushedCount += pending
        if let background {
            current.pointee = try background.exchange(buffer, count: pending)
        } else {
            try Self.writeAll(descriptor, name, buffer, pending)
        }
    }

    /// Room for `size` (≤ 64) bytes at the returned pointer; the caller then calls ``advance(by:)``.
    @inline(__always)
    func reserve(_ size: Int) throws -> UnsafeMutablePointer<UInt8> {
        if capacity - count < size { try handOff() }
        return buffer + count
    }

    /// Room for `size` bytes if the buffer can hold them at all, else `nil`.
    @inline(__always)
    func reserveIfFits(_ size: Int) throws -> UnsafeMutablePointer<UInt8>? {
        guard size <= capacity else { return nil }
        if capacity - count < size { try handOff() }
        return buffer + count
    }

    @inline(__always)
    func advance(by size: Int) { count += size }

    static func writeAll(_ descriptor: Int32, _ name: String, _ bytes: UnsafePointer<UInt8>, _ size: Int) throws {
        var written = 0
        while written < size {
            let result = systemWrite(descriptor, bytes + written, size - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw FileError.system(name, .write)
            }
            written += result
        }
    }
}

/// `write(2)`, which the methods named `write` above would otherwise shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ size: Int) -> Int {
    write(descriptor, bytes, size)
}
