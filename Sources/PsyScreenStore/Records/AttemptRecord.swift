import Foundation
import GRDB

/// A row of `attempt`.
struct AttemptRecord: SnakeCaseColumns, MutablePersistableRecord {
    static let databaseTableName = "attempt"

    var id: Int64?
    var waveId: String
    var studentId: String
    var batteryId: String
    var batteryVersion: String
    var source: String
    var state: String
    var startedAt: Date
    var finishedAt: Date?
    var importId: Int64?
    var sourceLine: Int?
    var level: String
    var reasons: String
    var scored: Bool
    var validity: String
    /// When a crisis answer was first given at the terminal; the attempt stays red even if the answer is changed.
    var crisisAt: Date? = nil
    /// The instrument results with their answers and scale scores (``ResultColumn``).
    var results: String = ""

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
