import Foundation
import GRDBSQLite

/// Roster students' release fingerprints (``ReleaseSnapshot``'s format:
/// `status|school|grade|class|gender|major|attempt id|state|scored|level|red`), gathered from roster rows and the
/// wave's attempt rows as a scan steps through them: the one place the SQLite store writes the format. A report's
/// cohort scans feed it as they go (``CohortExtraction``), so checking a closed wave's release costs no scan of
/// its own; ``ReleaseScan`` feeds it from its own scans when a closing needs every fingerprint.
struct ReleaseFingerprints {
    /// The roster columns a scan feeding ``addStudent(_:)`` selects, in this order.
    static let rosterColumns = "student_id, school, grade, class, gender, major, status"

    /// The latest visible attempt of a student in the wave, and whether any was red.
    private struct Latest {
        var id: Int64 = 0
        /// Indices into ``texts``; −1 for NULL.
        var state: Int32 = -1
        var level: Int32 = -1
        /// −1 for NULL, else 0 or 1.
        var scored: Int8 = -1
        var red: Int8 = -1
    }

    /// Whether each fingerprint's bytes are kept (to list them), or only what the digest needs.
    let keepsBytes: Bool
    /// With bytes: per student the ID, then the fingerprint's roster part, one after the other.
    private var arena: [UInt8] = []
    private var idEnds: [Int] = []
    private var ends: [Int] = []
    /// Without: per student the hash of the ID and the roster part.
    private var prefixes: [FingerprintHash] = []
    private var latest: [Latest] = []
    /// The distinct state and level texts (a handful).
    private var texts: [[UInt8]] = []

    init(keepsBytes: Bool, capacity: Int) {
        self.keepsBytes = keepsBytes
        if keepsBytes {
            arena.reserveCapacity(capacity * 64)
            idEnds.reserveCapacity(capacity)
            ends.reserveCapacity(capacity)
        } else {
            prefixes.reserveCapacity(capacity)
        }
        latest.reserveCapacity(capacity)
    }

    var count: Int { latest.count }

    /// The next roster student, from a row of ``rosterColumns``.
    mutating func addStudent(_ row: OpaquePointer) {
        if keepsBytes {
            arena.append(contentsOf: Self.bytes(row, 0))
            idEnds.append(arena.count)
            Self.writeRosterPart(row, into: &arena)
            ends.append(arena.count)
        } else {
            var hash = FingerprintHash()
            hash.append(Self.bytes(row, 0))
            hash.append(Self.idEnd)
            Self.writeRosterPart(row, into: &hash)
            prefixes.append(hash)
        }
        latest.append(Latest())
    }

    /// The next roster student: the ID, and the roster columns 1–6 of ``rosterColumns`` as `texts[1...6]` have
    /// just read them (``CohortExtraction``'s roster scan).
    mutating func addStudent(id: UnsafeBufferPointer<UInt8>, texts: [InternedText]) {
        if keepsBytes {
            arena.append(contentsOf: id)
            idEnds.append(arena.count)
            Self.writeRosterPart(texts, into: &arena)
            ends.append(arena.count)
        } else {
            var hash = FingerprintHash()
            hash.append(id)
            hash.append(Self.idEnd)
            Self.writeRosterPart(texts, into: &hash)
            prefixes.append(hash)
        }
        latest.append(Latest())
    }

    /// One of the wave's visible attempts of roster student `student`, from a row whose columns 1, 3, 5 and 6 are
    /// the attempt's id, scored, state and level (``CohortExtraction/attemptsSQL``, ``ReleaseScan``'s attempt scan).
    mutating func addAttempt(_ row: OpaquePointer, student: Int) {
        addAttempt(
            id: sqlite3_column_int64(row, 1), state: sqlite3_column_type(row, 5) == SQLITE_NULL ? nil : Self.bytes(row, 5),
            scored: sqlite3_column_type(row, 3) == SQLITE_NULL ? nil : sqlite3_column_int64(row, 3) != 0,
            level: sqlite3_column_type(row, 6) == SQLITE_NULL ? nil : Self.bytes(row, 6), student: student)
    }

    /// One of the wave's visible attempts of roster student `student`: its id, and its state, scored and level
    /// as stored (nil for NULL).
    mutating func addAttempt(
        id attempt: Int64, state: UnsafeBufferPointer<UInt8>?, scored: Bool?, level: UnsafeBufferPointer<UInt8>?, student: Int
    ) {
        // `MAX(level = 'red')`: NULL when no attempt has a level.
        if let level { latest[student].red = max(latest[student].red, Self.equal(level, Self.red) ? 1 : 0) }
        guard attempt > latest[student].id else { return }
        latest[student].id = attempt
        latest[student].state = state.map { text($0) } ?? -1
        latest[student].level = level.map { text($0) } ?? -1
        latest[student].scored = scored.map { $0 ? 1 : 0 } ?? -1
    }

    /// Calls `body` with each roster student's ID and fingerprint, in roster-scan order (kept bytes only).
    func forEach(_ body: (_ id: UnsafeBufferPointer<UInt8>, _ fingerprint: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        precondition(keepsBytes, "fingerprints gathered for their digest only")
        var print: [UInt8] = []
        try arena.withUnsafeBufferPointer { arena in
            var start = 0
            for student in idEnds.indices {
                print.removeAll(keepingCapacity: true)
                print.append(contentsOf: arena[idEnds[student]..<ends[student]])
                writeAttemptPart(student, into: &print)
                try print.withUnsafeBufferPointer { print in
                    try body(UnsafeBufferPointer(rebasing: arena[start..<idEnds[student]]), print)
                }
                start = ends[student]
            }
        }
    }

    /// The digest of the fingerprints (``ReleaseDigest``).
    func digest() -> ReleaseDigest {
        var digest = ReleaseDigest()
        if keepsBytes {
            forEach { digest.add(id: $0, fingerprint: $1) }
            return digest
        }
        for student in prefixes.indices {
            var hash = prefixes[student]
            writeAttemptPart(student, into: &hash)
            digest.add(hash)
        }
        return digest
    }

    // MARK: The format

    /// `status|school|grade|class|gender|major|`
    private static func writeRosterPart<Sink: FingerprintSink>(_ row: OpaquePointer, into sink: inout Sink) {
        for column in rosterPartColumns {
            sink.append(bytes(row, column))
            sink.append(separator)
        }
    }

    /// `status|school|grade|class|gender|major|` from texts read from ``rosterColumns``.
    private static func writeRosterPart<Sink: FingerprintSink>(_ texts: [InternedText], into sink: inout Sink) {
        for column in rosterPartColumns {
            texts[Int(column)].withBytes { sink.append($0) }
            sink.append(separator)
        }
    }

    /// `attempt id|state|scored|level|red`, each empty without a value.
    private func writeAttemptPart<Sink: FingerprintSink>(_ student: Int, into sink: inout Sink) {
        let attempt = latest[student]
        if attempt.id > 0 { Self.writeDecimal(attempt.id, into: &sink) }
        sink.append(Self.separator)
        if attempt.state >= 0 { texts[Int(attempt.state)].withUnsafeBufferPointer { sink.append($0) } }
        sink.append(Self.separator)
        if attempt.scored >= 0 { sink.append(attempt.scored == 1 ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
        sink.append(Self.separator)
        if attempt.level >= 0 { texts[Int(attempt.level)].withUnsafeBufferPointer { sink.append($0) } }
        sink.append(Self.separator)
        if attempt.red >= 0 { sink.append(attempt.red == 1 ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
    }

    private static func writeDecimal<Sink: FingerprintSink>(_ value: Int64, into sink: inout Sink) {
        // Digits from the highest power of ten down: no array per student.
        var power: Int64 = 1
        while power <= value / 10 { power *= 10 }
        var rest = value
        repeat {
            sink.append(UInt8(ascii: "0") + UInt8(rest / power))
            rest %= power
            power /= 10
        } while power > 0
    }

    private mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let known = texts.firstIndex(where: { Self.equal(bytes, $0) }) { return Int32(known) }
        texts.append(Array(bytes))
        return Int32(texts.count - 1)
    }

    private static let separator = UInt8(ascii: "|")
    /// status, school, grade, class, gender, major in ``rosterColumns``.
    private static let rosterPartColumns: [Int32] = [6, 1, 2, 3, 4, 5]
    /// Between the ID and the fingerprint in a student's hash.
    private static let idEnd = UInt8(ascii: "\n")
    private static let red = Array("red".utf8)

    /// Text column `index` of the current row as bytes (empty for NULL), valid until the next step.
    static func bytes(_ row: OpaquePointer, _ index: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(row, index) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(row, index)))
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        bytes.count == other.count
            && (bytes.isEmpty || other.withUnsafeBufferPointer { memcmp(bytes.baseAddress!, $0.baseAddress!, bytes.count) == 0 })
    }
}

/// Where a fingerprint is written: its bytes, or straight into its hash.
protocol FingerprintSink {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: FingerprintSink where Element == UInt8 {
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// 64-bit FNV-1a over a student's ID, a newline and their fingerprint.
struct FingerprintHash: FingerprintSink {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    mutating func append(_ byte: UInt8) { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { append(byte) }
    }
}

/// A digest of a wave's release that two reads of the same fingerprints agree on, in any order: the count and the
/// wrapping sum of a 64-bit hash of each student's ID and fingerprint. A report compares the digest now with the
/// one of the last closing's fingerprints; only when they differ are the fingerprints compared one by one, to count
/// who changed. (Not a secret: it guards against change, not against a forger.)
struct ReleaseDigest: Equatable {
    private(set) var count = 0
    private(set) var sum: UInt64 = 0

    mutating func add(id: UnsafeBufferPointer<UInt8>, fingerprint: UnsafeBufferPointer<UInt8>) {
        var hash = FingerprintHash()
        hash.append(id)
        hash.append(UInt8(ascii: "\n"))
        hash.append(fingerprint)
        add(hash)
    }

    mutating func add(_ hash: FingerprintHash) {
        // FNV-1a's high bits mix poorly: a finalizer spreads every byte over the word before the sum.
        var word = hash.state
        word ^= word >> 33
        word = word &* 0xff51_afd7_ed55_8ccd
        word ^= word >> 33
        sum &+= word
        count += 1
    }

    init() {}

    /// The digest of ``text`` (as a closing stores it in `wave.release_digest`); nil for anything else.
    init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0]), count >= 0, let sum = UInt64(parts[1], radix: 16) else {
            return nil
        }
        (self.count, self.sum) = (count, sum)
    }

    /// As text, for ``ReleaseSnapshot/digest`` and `wave.release_digest`.
    var text: String { "\(count)-\(String(sum, radix: 16))" }
}
