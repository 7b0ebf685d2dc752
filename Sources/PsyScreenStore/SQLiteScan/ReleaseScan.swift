import Foundation
import GRDB
import GRDBSQLite

/// Every roster student's release fingerprint in a wave, from two scans of its own — the roster, then the wave's
/// visible attempts matched by the ID's bytes — for a closing, which keeps them all (``ReleaseFingerprints``).
struct ReleaseScan {
    private var index: StudentIndex
    private(set) var fingerprints: ReleaseFingerprints

    init(_ db: Database, wave: String) throws {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM student") ?? 0
        index = StudentIndex(capacity: count)
        fingerprints = ReleaseFingerprints(keepsBytes: true, capacity: count)
        let roster = try db.makeStatement(sql: "SELECT \(ReleaseFingerprints.rosterColumns) FROM student")
        try SQLiteColumn.forEachRow(roster) { row in
            guard let id = sqlite3_column_text(row, 0) else { return }
            index.insert(id, count: Int(sqlite3_column_bytes(row, 0)))
            fingerprints.addStudent(row)
        }
        index.seal()
        let attempts = try db.makeStatement(sql: CohortExtraction.attemptsSQL)
        try attempts.setArguments([wave])
        try SQLiteColumn.forEachRow(attempts) { row in
            guard let id = sqlite3_column_text(row, 0), let student = index.find(id, count: Int(sqlite3_column_bytes(row, 0)))
            else { return }
            fingerprints.addAttempt(row, student: student)
        }
    }

    /// The digest of the fingerprints the wave's last closing kept, read back from them: what the closing stored as
    /// `wave.release_digest`, for a wave that has none (copied from another store).
    static func storedDigest(_ db: Database, wave: String) throws -> ReleaseDigest {
        var digest = ReleaseDigest()
        let statement = try db.makeStatement(sql: "SELECT student_id, fingerprint FROM wave_release WHERE wave_id = ?")
        try statement.setArguments([wave])
        try SQLiteColumn.forEachRow(statement) { row in
            digest.add(id: ReleaseFingerprints.bytes(row, 0), fingerprint: ReleaseFingerprints.bytes(row, 1))
        }
        return digest
    }
}
