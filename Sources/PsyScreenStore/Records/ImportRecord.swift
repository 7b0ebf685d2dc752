import Foundation
import GRDB

/// A row of `import`: one paper-results file imported into one wave.
struct ImportRecord: SnakeCaseColumns, MutablePersistableRecord {
    static let databaseTableName = "import"

    var id: Int64?
    var waveId: String
    var fileHash: String
    var path: String
    var batteryId: String
    var importedAt: Date
    var user: String
    var records: Int
    var stored: Int

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
