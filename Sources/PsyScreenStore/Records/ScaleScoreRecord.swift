import Foundation
import GRDB

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
