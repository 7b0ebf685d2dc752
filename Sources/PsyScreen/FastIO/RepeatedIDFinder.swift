import Foundation

/// Finds student IDs that occur more than once in a file, in memory that does not grow with the file.
///
/// A `Set` of every ID seen would grow with the input (a district file has millions). Instead, for each record
/// written, ``add(_:line:outputOffset:outputLength:tag:)`` appends the record's line, where its row is in the
/// output, and its normalized ID to a log on disk, and a 16-byte key (a 64-bit hash of the ID, see ``IDHash``,
/// and the log position) to an ``ExternalSorter``. At the end, ``findRepeats()`` walks the keys in hash order: a
/// group of equal hashes is a group of candidate repeats, whose IDs are read back from the log and compared byte
/// for byte (so a hash collision cannot reject anyone). In each group of equal IDs the record with the lowest line
/// is kept and the others are repeats; ``forEachRepeat(_:)`` hands these out sorted again by line, in input order,
/// ready for removing their rows from the output in one forward pass.
///
/// IDs are normalized as ``StudentID/normalize(_:)`` does (full-width digits, spaces around, letter case); an
/// empty ID is not a repeat of another empty ID.
package final class RepeatedIDFinder {
    /// A record whose student ID an earlier record already had.
    package struct Repeat: Hashable, Sendable {
        /// The physical line of the repeated record.
        package var line: Int
        /// The line of the record with the same ID that is kept.
        package var firstLine: Int
        /// The repeated record's row in the output: byte offset and length.
        package var outputOffset: Int
        package var outputLength: Int
        /// The normalized ID.
        package var studentID: String
        /// What the caller passed with the record (e.g. what to subtract from its totals when it is dropped).
        package var tag: UInt32

        package init(line: Int, firstLine: Int, outputOffset: Int, outputLength: Int, studentID: String, tag: UInt32) {
            self.line = line
            self.firstLine = firstLine
            self.outputOffset = outputOffset
            self.outputLength = outputLength
            self.studentID = studentID
            self.tag = tag
        }
    }

    private struct Key: ExternalSortable {
        var hash: UInt64
        /// Offset of the record in the log: increases with the line, so it also orders equal IDs by line.
        var record: UInt64

        static func < (lhs: Key, rhs: Key) -> Bool {
            lhs.hash < rhs.hash || (lhs.hash == rhs.hash && lhs.record < rhs.record)
        }

        var sortPrefix: UInt64 { hash }
    }

    private struct Pair: ExternalSortable {
        var repeatRecord: UInt64
        var firstRecord: UInt64

        static func < (lhs: Pair, rhs: Pair) -> Bool { lhs.repeatRecord < rhs.repeatRecord }

        var sortPrefix: UInt64 { repeatRecord }
    }

    /// The keys of one hash seen so far in a merge part: the first record, and the distinct IDs once a second
    /// key with the same hash has made the IDs worth reading.
    private struct HashGroup {
        var started = false
        var hash: UInt64 = 0
        var first: UInt64 = 0
        var distinct: [(id: [UInt8], record: UInt64)] = []
    }

    private struct LogHeader: BitwiseCopyable {
        var line: UInt64
        var outputOffset: UInt64
        var outputLength: UInt32
        var idLength: UInt32
        var tag: UInt32
    }

    private let directory: String
    private let log: ScratchFile
    private let keys: ExternalSorter<Key>
    /// The repeats found, sorted by log position (= line) when handed out.
    private var pairs: ExternalSorter<Pair>?
    private var finished = false
    private let pairCapacity: Int
    private let fanIn: Int

    /// - Parameters:
    ///   - directory: where the log and sort runs go (they have no name and vanish with the process).
    ///   - memory: bytes for the in-memory part of the sort (two buffers of half this); the whole finder uses
    ///     about 1.3 times this.
    ///   - fanIn: sorted runs merged at once (small values are for tests).
    package init(directory: String, memory: Int = 8 << 20, fanIn: Int = 64) throws {
        self.directory = directory
        log = try ScratchFile(directory: directory, bufferSize: 1 << 20)
        let keyCapacity = max(memory / 2 / MemoryLayout<Key>.stride, 2)
        keys = ExternalSorter(capacity: keyCapacity, directory: directory, fanIn: fanIn)
        pairCapacity = max(memory / 8 / MemoryLayout<Pair>.stride, 2)
        self.fanIn = fanIn
    }

    /// Number of sorted runs spilled to disk so far (for tests).
    package var spilledRuns: Int { keys.spilledRuns }

    /// Records a written row with the student ID `rawID` (as in the input, not yet normalized); `tag` comes back
    /// with it if it is a repeat.
    package func add(
        _ rawID: UnsafeBufferPointer<UInt8>, line: Int, outputOffset: Int, outputLength: Int, tag: UInt32 = 0
    ) throws {
        precondition(!finished, "add after forEachRepeat")
        let headerSize = MemoryLayout<LogHeader>.size
        // The usual case: an ASCII ID normalized straight into the log's buffer, hashed there.
        if let out = try log.reserve(headerSize &+ rawID.count),
            let length = Self.normalizeASCII(rawID, into: out + headerSize)
        {
            guard length > 0 else { return }
            let record = UInt64(log.size)
            UnsafeMutableRawPointer(out).storeBytes(
                of: LogHeader(
                    line: UInt64(line), outputOffset: UInt64(outputOffset), outputLength: UInt32(outputLength),
                    idLength: UInt32(length), tag: tag),
                as: LogHeader.self)
            let hash = IDHash.hash(out + headerSize, count: length)
            log.advance(by: headerSize &+ length)
            try keys.append(Key(hash: hash, record: record))
            return
        }
        let id = Array(StudentID.normalize(String(decoding: rawID, as: UTF8.self)).utf8)
        guard !id.isEmpty else { return }
        let record = UInt64(log.size)
        try log.append(
            value: LogHeader(
                line: UInt64(line), outputOffset: UInt64(outputOffset), outputLength: UInt32(outputLength),
                idLength: UInt32(id.count), tag: tag))
        try id.withUnsafeBytes { try log.append($0) }
        try keys.append(Key(hash: IDHash.hash(id), record: record))
    }

    /// Finds the repeats (the long part: every key is merged once). ``forEachRepeat(_:)`` calls it if needed; call
    /// it first to do it on another thread.
    package func findRepeats() throws {
        precondition(!finished, "findRepeats may be called only once")
        finished = true
        try log.flush()
        let pairs = ExternalSorter<Pair>(capacity: pairCapacity, directory: directory, fanIn: fanIn)
        let pairsLock = NSLock()
        // The merge runs in two parts at once (the scoring thread is idle by now); each has its own group state.
        let parts = 2
        let groups = UnsafeMutablePointer<HashGroup>.allocate(capacity: parts)
        groups.initialize(repeating: HashGroup(), count: parts)
        defer { groups.deinitialize(count: parts).deallocate() }
        try keys.forEachSorted(parts: parts) { part, key in
            let group = groups + part
            guard group.pointee.started && key.hash == group.pointee.hash else {
                group.pointee.started = true
                group.pointee.hash = key.hash
                group.pointee.first = key.record
                if !group.pointee.distinct.isEmpty { group.pointee.distinct.removeAll(keepingCapacity: true) }
                return
            }
            // A second key with the same hash: compare the IDs themselves.
            if group.pointee.distinct.isEmpty {
                group.pointee.distinct.append((try readID(group.pointee.first), group.pointee.first))
            }
            let id = try readID(key.record)
            if let first = group.pointee.distinct.first(where: { $0.id == id }) {
                pairsLock.lock()
                defer { pairsLock.unlock() }
                try pairs.append(Pair(repeatRecord: key.record, firstRecord: first.record))
            } else {
                group.pointee.distinct.append((id, key.record))  // a hash collision between different IDs
            }
        }
        self.pairs = pairs
    }

    /// Calls `body` for every repeat, in input order. Call it once, after the last
    /// ``add(_:line:outputOffset:outputLength:tag:)``.
    package func forEachRepeat(_ body: (Repeat) throws -> Void) throws {
        if !finished { try findRepeats() }
        guard let pairs else { preconditionFailure("forEachRepeat may be called only once") }
        self.pairs = nil
        try pairs.forEachSorted { pair in
            let (header, id) = try readRecord(pair.repeatRecord)
            let (first, _) = try readRecord(pair.firstRecord)
            try body(
                Repeat(
                    line: Int(header.line), firstLine: Int(first.line), outputOffset: Int(header.outputOffset),
                    outputLength: Int(header.outputLength), studentID: String(decoding: id, as: UTF8.self),
                    tag: header.tag))
        }
    }

    private func readRecord(_ offset: UInt64) throws -> (LogHeader, [UInt8]) {
        var header = LogHeader(line: 0, outputOffset: 0, outputLength: 0, idLength: 0, tag: 0)
        try withUnsafeMutableBytes(of: &header) {
            try log.readExactly(at: Int(offset), into: $0.baseAddress!, count: $0.count)
        }
        var id = [UInt8](repeating: 0, count: Int(header.idLength))
        try id.withUnsafeMutableBytes {
            try log.readExactly(at: Int(offset) + MemoryLayout<LogHeader>.size, into: $0.baseAddress!, count: $0.count)
        }
        return (header, id)
    }

    private func readID(_ offset: UInt64) throws -> [UInt8] { try readRecord(offset).1 }

    /// Writes the normalized form of an ASCII ID to `out` (room for `raw.count` bytes) and returns its length, or
    /// `nil` if the ID is not ASCII. For ASCII, ``StudentID/normalize(_:)`` (NFKC, trim, upper case) comes down
    /// to trimming spaces and line breaks and upper-casing letters.
    @inline(__always)
    static func normalizeASCII(_ raw: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        var start = 0
        var end = raw.count
        while start < end && isSpace(raw[start]) { start &+= 1 }
        while end > start && isSpace(raw[end &- 1]) { end &-= 1 }
        var nonASCII: UInt8 = 0
        for index in start..<end {
            let byte = raw[index]
            nonASCII |= byte
            out[index &- start] = byte &- 0x61 < 26 ? byte &- 0x20 : byte
        }
        return nonASCII < 0x80 ? end &- start : nil
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte &- 0x09) < 5 }
}
