import Foundation
import GRDB

/// A row of `audit`.
struct AuditRecord: SnakeCaseColumns, PersistableRecord {
    static let databaseTableName = "audit"

    var id: Int64?
    var at: Date
    var user: String
    var action: String
    var detail: String
}
