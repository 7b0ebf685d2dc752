import Foundation
import GRDB

/// `db copy` from and into a SQLite file.
extension SQLiteStore: TableSource, TableTarget {
    package func readTables(_ body: (_ forEachRow: TableRows) throws -> Void) throws(StoreError) {
        // One read transaction: in WAL mode it sees the file as it was when it began.
        try read { db in
            try body { table, handle in
                let columns = table.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
                let rows = try Row.fetchCursor(
                    db,
                    sql: "SELECT \(columns) FROM \"\(table.name)\" WHERE \(Self.published(table.name)) ORDER BY \(table.order)")
                while let row = try rows.next() {
                    try handle(
                        table.columns.indices.map { index in
                            guard !row.hasNull(atIndex: index) else { return .null }
                            switch table.columns[index].kind {
                            case .text: return .text(row[index])
                            case .integer: return .integer(row[index])
                            case .real: return .real(row[index])
                            case .flag: return .flag(row[index])
                            case .time: return .time(row[index] as Date)
                            }
                        })
                }
            }
        }
    }

    /// Rows of `table` that reads see: what an import still being staged (or killed midway) wrote is not copied.
    private static func published(_ table: String) -> String {
        let staged = "SELECT a.id FROM attempt a JOIN import i ON i.id = a.import_id WHERE i.state = 'staging'"
        switch table {
        case "import": return "state = 'published'"
        case "attempt": return "id NOT IN (\(staged))"
        case "answer": return "attempt_id NOT IN (\(staged))"
        default: return "1"
        }
    }

    package func tablesWithRows() throws(StoreError) -> [String] {
        try read { db in
            try StoreTables.all.map(\.name).filter { name in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(name)\")") == true
            }
        }
    }

    package func load(_ fill: (any TableWriter) throws -> Void) throws(StoreError) {
        try write { db in try fill(SQLiteTableWriter(db)) }
    }
}

/// Inserts rows with one prepared statement per table (AUTOINCREMENT counters follow the copied ids by themselves).
private final class SQLiteTableWriter: TableWriter {
    let db: Database
    var statement: Statement?

    init(_ db: Database) { self.db = db }

    func begin(_ table: StoreTables.Table) throws {
        let columns = table.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        statement = try db.makeStatement(sql: "INSERT INTO \"\(table.name)\" (\(columns)) VALUES (\(marks))")
    }

    func add(_ cells: [StoredCell]) throws {
        try statement?.execute(
            arguments: StatementArguments(
                cells.map { cell -> (any DatabaseValueConvertible)? in
                    switch cell {
                    case .null: nil
                    case .text(let text): text
                    case .integer(let number): number
                    case .real(let number): number
                    case .flag(let flag): flag
                    case .time(let milliseconds): StoredCell.sqliteText(milliseconds: milliseconds)
                    }
                }))
    }

    func end() throws { statement = nil }
}
