import Foundation
import GRDB

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
    /// The instrument's answers (``AnswerColumn``).
    var answers: String
    /// The instrument's scale scores (``ScaleColumn``).
    var scales: String
}
