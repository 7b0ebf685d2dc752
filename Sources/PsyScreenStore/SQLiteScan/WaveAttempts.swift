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

    private(set) var ids: [Int64] = []
    /// Per attempt: the index of its state (0–2) and level (0–3) text, or ``unknown``; whether scored is NULL, 0
    /// or other (0, 1, 2).
    private(set) var states: [UInt8] = []
    private(set) var levels: [UInt8] = []
    private(set) var scored: [UInt8] = []
    /// Per attempt: the student's ID bytes are `studentBytes[studentEnds[i - 1]..<studentEnds[i]]`.
    private var studentBytes: [UInt8] = []
    private var studentEnds: [Int32] = []
    /// The texts of the states and levels this version does not know, by attempt index: they fail the read if
    /// the attempt's student is on the roster (as a read of that student's attempts would).
    private(set) var unknownTexts: [Int: StoredValue] = [:]

    static let unknown: UInt8 = .max

    init(wave: String, staging: Set<Int64>) {
        self.wave = Array(wave.utf8)
        self.staging = staging
    }

    var count: Int { ids.count }

    mutating func reserveCapacity(_ count: Int) {
        ids.reserveCapacity(count)
        states.reserveCapacity(count)
        levels.reserveCapacity(count)
        scored.reserveCapacity(count)
        studentEnds.reserveCapacity(count)
        studentBytes.reserveCapacity(count * 10)
    }

    /// Keeps the current row's attempt (columns ``columns`` from `base` on) if it is the wave's and visible.
    mutating func add(_ row: OpaquePointer, at base: Int32) {
        guard CohortExtraction.equals(row, base, wave) else { return }
        if sqlite3_column_type(row, base + 1) != SQLITE_NULL && staging.contains(sqlite3_column_int64(row, base + 1)) { return }
        let student = ReleaseFingerprints.bytes(row, base + 2)
        studentBytes.append(contentsOf: student)
        studentEnds.append(Int32(studentBytes.count))
        let index = ids.count
        ids.append(sqlite3_column_int64(row, base + 3))
        states.append(code(row, base + 4, Self.stateKeys, column: "attempt.state", index))
        scored.append(
            sqlite3_column_type(row, base + 5) == SQLITE_NULL ? 0 : sqlite3_column_int64(row, base + 5) != 0 ? 2 : 1)
        levels.append(code(row, base + 6, Self.levelKeys, column: "attempt.level", index))
    }

    private mutating func code(
        _ row: OpaquePointer, _ column: Int32, _ keys: ByteKeys, column name: String, _ index: Int
    ) -> UInt8 {
        let found = keys.index(row, column)
        guard found >= 0 else {
            if unknownTexts[index] == nil {
                unknownTexts[index] = StoredValue(column: name, text: SQLiteColumn.text(row, column))
            }
            return Self.unknown
        }
        return UInt8(found)
    }

    /// Calls `body` with each attempt's index and student ID bytes.
    func forEach(_ body: (_ index: Int, _ student: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try studentBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for index in ids.indices {
                let end = Int(studentEnds[index])
                try body(index, UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
        }
    }
}
