/// Keeps the rejected records of a bulk run on disk until the end, then writes them in line order.
///
/// Problems found while streaming arrive in line order; repeated student IDs are only known once the whole file
/// has been read, and also arrive in line order (see ``RepeatedIDFinder``). Each kind goes to its own scratch file,
/// and ``write(to:)`` merges the two, so the report reads top to bottom like the input, in memory that does not
/// grow with the number of problems.
package final class ProblemSpool {
    private let streamed: ScratchFile
    private let repeats: ScratchFile
    /// Problems spooled so far (both kinds).
    package private(set) var count = 0

    package init(directory: String) throws {
        streamed = try ScratchFile(directory: directory)
        repeats = try ScratchFile(directory: directory)
    }

    /// Adds a problem found while streaming (lines must not decrease).
    package func add(_ problem: PaperResultsLayout.Problem) throws {
        try Self.append(problem, to: streamed)
        count += 1
    }

    /// Adds a problem found after the stream (repeated IDs; lines must not decrease).
    package func addLate(_ problem: PaperResultsLayout.Problem) throws {
        try Self.append(problem, to: repeats)
        count += 1
    }

    /// Calls `body` with every problem, ordered by line (problems of one record in the order they were added).
    package func write(to body: (PaperResultsLayout.Problem) throws -> Void) throws {
        try streamed.flush()
        try repeats.flush()
        let first = ScratchReader(streamed)
        let second = ScratchReader(repeats)
        var a = try Self.next(first)
        var b = try Self.next(second)
        while let left = a ?? b {
            if let l = a, let r = b, r.line < l.line {
                try body(r)
                b = try Self.next(second)
            } else if a != nil {
                try body(left)
                a = try Self.next(first)
            } else {
                try body(left)
                b = try Self.next(second)
            }
        }
    }

    private static func append(_ problem: PaperResultsLayout.Problem, to file: ScratchFile) throws {
        try file.append(value: UInt64(problem.line))
        for text in [problem.column, problem.value, problem.reason] {
            try file.append(value: UInt32(text.utf8.count))
            try file.append(text)
        }
    }

    private static func next(_ reader: ScratchReader) throws -> PaperResultsLayout.Problem? {
        guard let line: UInt64 = try reader.read() else { return nil }
        var texts: [String] = []
        for _ in 0..<3 {
            guard let length: UInt32 = try reader.read() else { throw truncated }
            texts.append(try reader.readString(Int(length)))
        }
        return PaperResultsLayout.Problem(line: Int(line), column: texts[0], value: texts[1], reason: texts[2])
    }

    static let truncated = FileError(path: "temporary file", "ended early (truncated by another process?)")
}

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
        if filled < count { throw ProblemSpool.truncated }
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
        guard try ensure(length) else { throw ProblemSpool.truncated }
        let text = String(decoding: buffer[position..<(position + length)], as: UTF8.self)
        position += length
        return text
    }
}
