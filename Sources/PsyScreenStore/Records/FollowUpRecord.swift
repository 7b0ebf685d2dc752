import Foundation
import GRDB

/// A row of `follow_up`.
struct FollowUpRecord: SnakeCaseColumns, PersistableRecord {
    static let databaseTableName = "follow_up"

    var id: Int64?
    var waveId: String
    var studentId: String
    var status: String
    var note: String?
    var at: Date
    var user: String
}
