import Foundation
import GRDB

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
