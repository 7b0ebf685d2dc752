import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

/// Every roster student's verdict in a wave (``CountingAttempt``), kept compactly by the student's row id: what lets
/// a listing of the whole roster read it in listing order from `student_roster_order` alone, without a B-tree search
/// per student.
///
/// It is read in one pass over the wave's attempts in student ID order (`attempt_wave_student`), each joined to its
/// student's row id through the student ID's own index: the two are in the same order, so each page is read once.
/// Searching each student's attempts in listing order instead (what a listing of one class still does) jumps all
/// over the wave's index; once that outgrows the page cache (at a million students it is 58 MB) nearly every search
/// reads a page from the kernel, and time grows faster than the number of students.
///
/// Per student: one byte (whether they have an attempt; the latest one's state, scored, level) and the latest
/// attempt's id (4 bytes when the ids fit, else 8); the latest red attempt's id only where it is not the latest.
/// 5 MB for a million students. Row ids are dense unless rows were deleted by hand; if they are sparse, the
/// verdicts are kept by row id in a dictionary instead.
struct WaveStandings {
    private let firstRowID: Int64
    /// Bit 7: has an attempt; bits 0–1 state, bit 2 scored, bits 3–4 level of the latest; bit 5: red earlier.
    private var flags: [UInt8]
    private let firstAttemptID: Int64
    /// The latest attempt's id minus ``firstAttemptID``, when every id fits; else ``wideIDs``.
    private var narrowIDs: [UInt32] = []
    private var wideIDs: [Int64] = []
    /// The latest red attempt where it is not the latest one.
    private var earlierReds: [Int64: Int64] = [:]
    /// The verdicts by row id, when the row ids are too sparse to index.
    private var sparse: [Int64: CountingAttempt]?

    private static let present: UInt8 = 0x80
    private static let redEarlier: UInt8 = 0x20
    private static let states: [AttemptState] = [.inProgress, .finished, .refused]
    private static let levels: [WarningLevel] = [.none, .yellow, .orange, .red]

    /// The standings of `wave`.
    static func read(_ db: Database, wave: String) throws -> WaveStandings {
        var bounds = (first: Int64(1), last: Int64(0))
        if let rows = try Row.fetchOne(db, sql: "SELECT min(rowid), max(rowid), count(*) FROM student"),
            let first: Int64 = rows[0], let last: Int64 = rows[1]
        {
            bounds = (first, last)
            let count: Int64 = rows[2]
            if last - first >= 2 * count + 1024 { bounds.last = first - 1 }
        }
        let ids = try Row.fetchOne(db, sql: "SELECT min(id), max(id) FROM attempt")
        let attempts: ClosedRange<Int64>? = ids.flatMap { row in
            guard let low: Int64 = row[0], let high: Int64 = row[1] else { return nil }
            return low...high
        }
        var standings = WaveStandings(firstRowID: bounds.first, slots: Int(bounds.last - bounds.first + 1), attempts: attempts)
        if standings.flags.isEmpty { standings.sparse = [:] }
        try standings.fill(db, wave: wave)
        return standings
    }

    private init(firstRowID: Int64, slots: Int, attempts: ClosedRange<Int64>?) {
        self.firstRowID = firstRowID
        flags = [UInt8](repeating: 0, count: slots)
        firstAttemptID = attempts?.lowerBound ?? 1
        if let attempts, attempts.upperBound - attempts.lowerBound > Int64(UInt32.max) {
            wideIDs = [Int64](repeating: 0, count: slots)
        } else {
            narrowIDs = [UInt32](repeating: 0, count: slots)
        }
    }

    /// The verdict of the student whose row is `rowID` (none for a row the pass did not see).
    func counting(rowID: Int64) -> CountingAttempt {
        if let sparse { return sparse[rowID] ?? CountingAttempt() }
        let slot = Int(rowID - firstRowID)
        guard slot >= 0, slot < flags.count, flags[slot] & Self.present != 0 else { return CountingAttempt() }
        let bits = flags[slot]
        let id = wideIDs.isEmpty ? firstAttemptID + Int64(narrowIDs[slot]) : wideIDs[slot]
        let level = Self.levels[Int(bits >> 3) & 3]
        let red = bits & Self.redEarlier != 0 ? earlierReds[rowID] : level == .red ? id : nil
        return CountingAttempt(
            latest: (id, Self.states[Int(bits & 3)], bits & 4 != 0, level), latestRedID: red)
    }

    /// The pass over the wave's attempts (the attempts of imports still being staged left out).
    private mutating func fill(_ db: Database, wave: String) throws {
        let statement = try db.makeStatement(
            sql: """
                SELECT s.rowid, a.id, a.state, a.scored, a.level
                FROM attempt a JOIN student s ON s.student_id = a.student_id
                WHERE a.wave_id = ? AND \(SQLiteStore.visible("a"))
                ORDER BY a.student_id
                """)
        try statement.setArguments([wave])
        let states = StoredValues(Self.states, column: "attempt.state")
        let levels = StoredValues(Self.levels, column: "attempt.level")
        // A student's attempts come together (the index's order): folded, then kept when the next student starts.
        var current: (rowID: Int64, counting: CountingAttempt)?
        try SQLiteColumn.forEachRow(statement) { row in
            let rowID = sqlite3_column_int64(row, 0)
            if current?.rowID != rowID {
                if let done = current { keep(done.counting, rowID: done.rowID) }
                current = (rowID, CountingAttempt())
            }
            current?.counting.add(
                id: sqlite3_column_int64(row, 1), state: try states.decode(row, 2), scored: sqlite3_column_int64(row, 3) != 0,
                level: try levels.decode(row, 4))
        }
        if let done = current { keep(done.counting, rowID: done.rowID) }
    }

    private mutating func keep(_ counting: CountingAttempt, rowID: Int64) {
        if sparse != nil {
            sparse?[rowID] = counting
            return
        }
        guard let latest = counting.latestAttempt else { return }
        let slot = Int(rowID - firstRowID)
        var bits = Self.present | UInt8(Self.states.firstIndex(of: latest.state)!) | (latest.scored ? 4 : 0)
        bits |= UInt8(Self.levels.firstIndex(of: latest.level)!) << 3
        if let red = counting.latestRedAttemptID, red != latest.id {
            bits |= Self.redEarlier
            earlierReds[rowID] = red
        }
        flags[slot] = bits
        if wideIDs.isEmpty {
            narrowIDs[slot] = UInt32(latest.id - firstAttemptID)
        } else {
            wideIDs[slot] = latest.id
        }
    }
}
