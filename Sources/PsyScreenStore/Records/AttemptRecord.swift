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

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `answer`.
struct AnswerRecord: SnakeCaseColumns, PersistableRecord {
    static let databaseTableName = "answer"

    var attemptId: Int64
    var instrumentId: String
    var itemId: String
    var position: Int
    var value: Int?
    var answeredAt: Date?
    var seconds: Double?
}

/// A row of `instrument_result`.
struct InstrumentResultRecord: SnakeCaseColumns, PersistableRecord {
    static let databaseTableName = "instrument_result"

    var attemptId: Int64
    var instrumentId: String
    var instrumentVersion: String
    var position: Int
    var status: String
    var flags: String
    var crisis: Bool
    var validity: String
}

/// A row of `scale_score`.
struct ScaleScoreRecord: SnakeCaseColumns, PersistableRecord {
    static let databaseTableName = "scale_score"

    var attemptId: Int64
    var instrumentId: String
    var scaleId: String
    var position: Int
    var score: Double?
    var band: String?
    var answered: Int
    var itemCount: Int
    var status: String
}
