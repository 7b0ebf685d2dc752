#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The byte side of ``CSVReader``: reads a file descriptor in chunks, checks or converts the encoding, and keeps
/// a window of UTF-8 bytes `base[start..<end]` for the parser.
///
/// Memory stays at about two chunks whatever the input size: the buffer only grows while one record (or the
/// encoding look-ahead) does not fit, and shrinks back afterwards.
///
/// Encoding detection (`auto`): ASCII is the same in UTF-8 and GB18030, so bytes are passed on as they come until
/// the first non-ASCII byte. There the input looks ahead (up to ``detectionWindow`` bytes) before handing anything
/// on: if an ill-formed UTF-8 sequence appears before ``utf8Evidence`` well-formed multi-byte ones, the rest of
/// the file is GB18030; otherwise it is UTF-8 and a later ill-formed sequence is an error. A few GB18030 pairs are
/// well-formed UTF-8 by chance (学 is D1 A7), so a single one is not proof; eight in a row practically is.
final class CSVInput {
    enum Mode { case undecided, utf8, gb18030 }

    static let detectionWindow = 64 * 1024
    /// Bytes allocated past `capacity`, never filled: readers that scan or copy a word at a time may read up to
    /// eight bytes past the end of a field without leaving the allocation.
    static let padding = 16
    static let utf8Evidence = 8

    let name: String
    let chunkSize: Int
    let maximumRecordSize: Int
    private(set) var mode: Mode
    private let detected: Bool  // whether `mode` came from detection, for error messages

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private var exhausted = false  // read(2) returned 0
    /// Bytes read from the descriptor so far (before decoding), for progress reports.
    private(set) var bytesRead = 0
    private var head: [UInt8] = []  // first two bytes of the file, to recognise UTF-16

    /// Decoded, validated UTF-8 is `base[start..<end]`; in the UTF-8 modes `base[end..<fill]` is read but not
    /// yet validated (an incomplete character at a chunk boundary, or the detection look-ahead).
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The first byte the parser has not consumed; the parser moves it.
    var start = 0
    private(set) var end = 0
    private var fill = 0
    private var byteOrderMarkChecked = false

    /// Undecoded GB18030 bytes `raw[rawStart..<rawEnd]`.
    private var raw: UnsafeMutablePointer<UInt8>?
    private var rawCapacity = 0
    private var rawStart = 0
    private var rawEnd = 0
    private var decoder: GB18030Decoder?

    init(
        descriptor: Int32, name: String, closesDescriptor: Bool, encoding: CSVEncoding, chunkSize: Int,
        maximumRecordSize: Int
    ) throws {
        precondition(chunkSize > 0, "chunk size must be positive")
        self.maximumRecordSize = maximumRecordSize
        self.descriptor = descriptor
        self.name = name
        self.closesDescriptor = closesDescriptor
        self.chunkSize = chunkSize
        capacity = max(chunkSize, 64)
        base = .allocate(capacity: capacity + Self.padding)
        detected = encoding == .auto
        switch encoding {
        case .auto: mode = .undecided
        case .utf8: mode = .utf8
        case .gb18030:
            mode = .gb18030
            do { decoder = try GB18030Decoder() } catch {
                base.deallocate()
                throw error
            }
        }
    }

    deinit {
        base.deallocate()
        raw?.deallocate()
        if closesDescriptor { close(descriptor) }
    }

    /// The encoding being decoded: UTF-8 until GB18030 is detected or requested.
    var encoding: CSVEncoding { mode == .gb18030 ? .gb18030 : .utf8 }

    /// Makes more bytes available past ``end`` (the buffer may move: reload ``base``). Returns `false` when the
    /// input is used up. `lineAtStart` is the physical line at ``start``, for error messages.
    ///
    /// Usually one chunk comes in. While a record is longer than half a chunk, at least as many bytes as are
    /// pending come in, so such a record is parsed again only a logarithmic number of times, not once per chunk.
    func refill(lineAtStart: Int) throws -> Bool {
        compact()
        let pending = end - start
        if pending > maximumRecordSize {
            throw InputError(
                at: SourceLocation(file: name, line: lineAtStart),
                RecordMessage.recordTooLong(size: Self.size(maximumRecordSize)))
        }
        let before = end
        let wanted = pending >= chunkSize / 2 ? max(pending, 1) : 1
        while end - before < wanted {
            if mode == .gb18030 {
                if try !decodeRaw(lineAtStart: lineAtStart) { break }
            } else {
                if !exhausted { try readIntoBase() }
                try validate(lineAtStart: lineAtStart)
                if exhausted && mode != .gb18030 { break }  // validation used up or rejected the tail
            }
        }
        guard end > before else { return false }
        stripByteOrderMark()
        return true
    }

    /// Drops a UTF-8 byte order mark (or a GB18030 one, which decodes to the same) at the start of the file.
    private func stripByteOrderMark() {
        if !byteOrderMarkChecked {
            byteOrderMarkChecked = true
            // Decoded bytes always end on a character boundary, so a leading EF is followed by its two bytes.
            if base[start] == 0xEF && end - start >= 3 && base[start + 1] == 0xBB && base[start + 2] == 0xBF {
                start += 3
            }
        }
    }

    // MARK: - Buffer

    private func compact() {
        if start > 0 {
            if fill > start { memmove(base, base + start, fill - start) }
            end -= start
            fill -= start
            start = 0
        }
        // Give back what a huge record took once it is gone.
        let normal = max(chunkSize, 64)
        if capacity > normal && fill <= normal / 2 { resize(to: normal) }
    }

    private func resize(to newCapacity: Int) {
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity + Self.padding)
        newBase.update(from: base, count: fill)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Reads the next chunk after `fill`, growing the buffer if a record fills it.
    private func readIntoBase() throws {
        if fill == capacity { resize(to: capacity * 2) }
        let count = try readFully(into: base + fill, max: min(chunkSize, capacity - fill))
        if count == 0 { exhausted = true } else { fill += count }
    }

    /// Reads until `max` bytes or end of file, so a pipe delivers whole chunks like a file does.
    private func readFully(into buffer: UnsafeMutablePointer<UInt8>, max: Int) throws -> Int {
        var total = 0
        while total < max {
            let count = read(descriptor, buffer + total, max - total)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError.system(name, .read)
            }
            if count == 0 { break }
            total += count
        }
        bytesRead += total
        if head.count < 2 { head += UnsafeBufferPointer(start: buffer, count: min(2 - head.count, total)) }
        return total
    }

    // MARK: - UTF-8

    private func validate(lineAtStart: Int) throws {
        guard end < fill else { return }
        if mode == .undecided {
            end = UTF8Validation.firstNonASCII(base, from: end, to: fill)
            if end == fill { return }
            try decide(at: end)
            if mode == .gb18030 { return }
        }
        let (stop, outcome) = UTF8Validation.validate(base, from: end, to: fill)
        end = stop
        if outcome == .invalid || (outcome == .truncated && exhausted) {
            throw encodingError(.invalidUTF8(truncated: outcome != .invalid), lineAtStart: lineAtStart)
        }
    }

    /// Decides between UTF-8 and GB18030 at the first non-ASCII byte `base[first]` (see the type's comment).
    private func decide(at first: Int) throws {
        while fill - first < Self.detectionWindow && !exhausted { try readIntoBase() }
        if first == 0 && !byteOrderMarkChecked && fill >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF {
            mode = .utf8
            return
        }
        let window = min(fill, first + Self.detectionWindow)
        let (_, outcome) = UTF8Validation.leadingSequences(base, from: first, to: window, limit: Self.utf8Evidence)
        guard outcome == .invalid || (outcome == .truncated && window == fill && exhausted) else {
            mode = .utf8
            return
        }
        // Nothing from `first` on has been handed out yet: decode it again as GB18030.
        decoder = try GB18030Decoder()
        let pending = fill - first
        ensureRawCapacity(pending)
        raw!.update(from: base + first, count: pending)
        rawStart = 0
        rawEnd = pending
        fill = first
        end = first
        mode = .gb18030
    }

    // MARK: - GB18030

    /// Decodes raw bytes into the buffer, reading more as needed. Returns `false` when nothing more can come.
    private func decodeRaw(lineAtStart: Int) throws -> Bool {
        while true {
            if rawStart < rawEnd {
                if capacity - fill < 8 { resize(to: capacity * 2) }
                let result = decoder!.decode(
                    raw! + rawStart, count: rawEnd - rawStart, into: base + fill, capacity: capacity - fill)
                rawStart += result.consumed
                fill += result.produced
                end = fill
                switch result.status {
                case .invalid:
                    throw encodingError(.invalidGB18030(detected: detected), lineAtStart: lineAtStart)
                case .truncated where exhausted:
                    throw encodingError(.truncatedGB18030, lineAtStart: lineAtStart)
                case .ok, .truncated:
                    if result.produced > 0 { return true }
                    if result.status == .ok && rawStart < rawEnd { continue }  // output was full
                }
            }
            if exhausted { return false }
            try readRaw()
        }
    }

    private func readRaw() throws {
        ensureRawCapacity(chunkSize)
        if rawStart > 0 {
            if rawEnd > rawStart { memmove(raw!, raw! + rawStart, rawEnd - rawStart) }
            rawEnd -= rawStart
            rawStart = 0
        }
        if rawEnd == rawCapacity { ensureRawCapacity(rawCapacity * 2) }
        let count = try readFully(into: raw! + rawEnd, max: min(chunkSize, rawCapacity - rawEnd))
        if count == 0 { exhausted = true } else { rawEnd += count }
    }

    private func ensureRawCapacity(_ needed: Int) {
        guard rawCapacity < needed else { return }
        let newRaw = UnsafeMutablePointer<UInt8>.allocate(capacity: needed)
        if let raw {
            newRaw.update(from: raw, count: rawEnd)
            raw.deallocate()
        }
        raw = newRaw
        rawCapacity = needed
    }

    // MARK: - Errors

    /// An encoding error at `end`, the first byte that could not be decoded.
    private func encodingError(_ message: RecordMessage, lineAtStart: Int) -> InputError {
        if head == [0xFF, 0xFE] || head == [0xFE, 0xFF] {
            return InputError(
                at: SourceLocation(file: name, line: 1),
                RecordMessage.utf16)
        }
        let line = lineAtStart + Self.lineBreaks(base, from: start, to: end)
        return InputError(at: SourceLocation(file: name, line: line), message)
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    /// Counts line breaks (LF, CRLF, lone CR) in `base[from..<to]`.
    static func lineBreaks(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var p = from
        while p < to {
            let byte = base[p]
            if byte == 0x0A || (byte == 0x0D && (p + 1 == to || base[p + 1] != 0x0A)) { count += 1 }
            p += 1
        }
        return count
    }
}
