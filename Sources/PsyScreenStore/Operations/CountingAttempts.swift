import Foundation
import GRDB
import PsyScreen

extension SQLiteStore {
    /// Every student's ``CountingAttempt`` in `wave` (students with an attempt only), keyed by student id: the
    /// attempt that counts and the level, from one scan of the wave's attempts.
    func countingAttempts(_ db: Database, wave: String) throws -> [String: CountingAttempt] {
        var counting: [String: CountingAttempt] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT student_id, id, state, scored, level FROM attempt a WHERE wave_id = ? AND \(Self.visible("a"))",
            arguments: [wave])
        while let row = try rows.next() {
            counting[row[0], default: CountingAttempt()].add(
                id: row[1], state: try StoredValue.decode(row[2], "attempt.state"), scored: row[3],
                level: try StoredValue.decode(row[4], "attempt.level"))
        }
        return counting
    }
}
