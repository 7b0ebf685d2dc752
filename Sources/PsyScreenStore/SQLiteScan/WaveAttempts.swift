import Foundation
import GRDBSQLite
import PsyScreen

/// The wave's visible attempts among the rows a ``ResultScan`` steps through anyway: what the counting rule and
/// the release fingerprints read (id, state, scored, level) and the student's ID bytes, in flat arrays. The roster
/// scan's thread matches them to its students afterwards (``CohortExtraction/countAttempts(_:)``), so the
/// attempts are not scanned a second time.
struct WaveAttempts {
    /// The attempt columns ``add(_:at:)`` reads from `base` on, in this order.
    static let columns = "wave_id, import_id, student_id, id, state, scored, level"

    static let states: [AttemptState] = [.inProgress, .finished, .refused]
    static let levels: [WarningLevel] = [.none, .yellow, .orange, .red]
    /// The stored texts of ``states`` and ``levels``, by index: a code read stands for exactly these bytes.
    static let stateTexts = states.map { Array($0.rawValue.utf8) }
    static let levelTexts = levels.map { Array($0.rawValue.utf8) }
    private static let stateKeys = ByteKeys(stateTexts)
    private static let levelKeys = ByteKeys(levelTexts)

    let wave: [UInt8]
    /// The imports being staged: their attempts are not visible yet.
    let staging: Set<Int64>
    /// The first id of the scan's range: ids are kept as offsets from it.
    let first: Int64

    // Packed (a district's million attempts are kept while the roster is read): 6 bytes and the ID's bytes each.
    private var offsets: [UInt32] = []
    /// state index | level index << 2 | scored << 5 (see ``add(_:at:)``).
    private var codes: [UInt8] = []
    /// The student ID's length (``longID`` and `longLengths` for 255 bytes or more), its bytes one after the other.
    private var lengths: [UInt8] = []
    private var longLengths: [Int: Int] = [:]
    private var studentBytes: [UInt8] = []
    /// The texts of the states and levels this version does not know, by attempt index: they fail the read if
    /// the attempt's student is on the roster (as a read of that student's attempts would).
    private(set) var unknownTexts: [Int: StoredValue] = [:]

    /// A state or level this version does not know.
    static let unknown: UInt8 = .max
    private static let unknownState: UInt8 = 3, unknownLevel: UInt8 = 4, longID: UInt8 = .max

    init(wave: String, staging: Set<Int64>, first: Int64) {
        self.wave = Array(wave.utf8)
        self.staging = staging
        self.first = first
    }

    var count: Int { codes.count }

    mutating func reserveCapacity(_ count: Int) {
        offsets.reserveCapacity(count)
        codes.reserveCapacity(count)
        lengths.reserveCapacity(count)
        studentBytes.reserveCapacity(count * 10)
    }

    /// Keeps the current row's attempt (columns ``columns`` from `base` on) if it is the wave's and visible.
    mutating func add(_ row: OpaquePointer, at base: Int32) {
        guard SQLiteColumn.equals(row, base, wave) else { return }
        if sqlite3_column_type(row, base + 1) != SQLITE_NULL && staging.contains(sqlite3_column_int64(row, base + 1)) { return }
        let index = codes.count
        let student = ReleaseFingerprints.bytes(row, base + 2)
        studentBytes.append(contentsOf: student)
        if student.count >= Int(Self.longID) { longLengths[index] = student.count }
        lengths.append(UInt8(min(student.count, Int(Self.longID))))
        offsets.append(UInt32(sqlite3_column_int64(row, base + 3) - first))
        let state = code(row, base + 4, Self.stateKeys, column: "attempt.state", index) ?? Self.unknownState
        let level = code(row, base + 6, Self.levelKeys, column: "attempt.level", index) ?? Self.unknownLevel
        let scored: UInt8 =
            sqlite3_column_type(row, base + 5) == SQLITE_NULL ? 0 : sqlite3_column_int64(row, base + 5) != 0 ? 2 : 1
        codes.append(state | level << 2 | scored << 5)
    }

    private mutating func code(
        _ row: OpaquePointer, _ column: Int32, _ keys: ByteKeys, column name: String, _ index: Int
    ) -> UInt8? {
        let found = keys.index(row, column)
        guard found >= 0 else {
            if unknownTexts[index] == nil {
                unknownTexts[index] = StoredValue(column: name, text: SQLiteColumn.text(row, column))
            }
            return nil
        }
        return UInt8(found)
    }

    func id(_ index: Int) -> Int64 { first + Int64(offsets[index]) }

    /// The index of the attempt's state in ``states``, or ``unknown``.
    func state(_ index: Int) -> UInt8 {
        let state = codes[index] & 3
        return state == Self.unknownState ? Self.unknown : state
    }

    /// The index of the attempt's level in ``levels``, or ``unknown``.
    func level(_ index: Int) -> UInt8 {
        let level = codes[index] >> 2 & 7
        return level == Self.unknownLevel ? Self.unknown : level
    }

    /// Whether the attempt is scored, nil for NULL.
    func scored(_ index: Int) -> Bool? {
        let scored = codes[index] >> 5
        return scored == 0 ? nil : scored == 2
    }

    /// Calls `body` with each attempt's index and student ID bytes.
    func forEach(_ body: (_ index: Int, _ student: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try studentBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for index in codes.indices {
                let length = lengths[index] == Self.longID ? longLengths[index]! : Int(lengths[index])
                try body(index, UnsafeBufferPointer(rebasing: bytes[start..<start + length]))
                start += length
            }
        }
    }
}
