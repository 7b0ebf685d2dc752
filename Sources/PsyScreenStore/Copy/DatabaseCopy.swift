import Foundation

/// A store whose tables can be read out row by row (``StoreTables``).
package protocol TableSource {
    /// Runs `body` inside one read that sees the database as it was when it began (lab terminals may be writing
    /// meanwhile); `body` reads each table through the function it is given, which hands every row of the table,
    /// in key order, to its callback.
    func readTables(_ body: (_ forEachRow: TableRows) throws -> Void) throws(StoreError)
}

/// Reads one table inside ``TableSource/readTables(_:)``.
package typealias TableRows = (_ table: StoreTables.Table, _ row: ([StoredCell]) throws -> Void) throws -> Void

/// A store that takes every row of every table at once.
package protocol TableTarget {
    /// Where the rows go, for messages.
    var path: String { get }
    /// The tables that already hold rows.
    func tablesWithRows() throws(StoreError) -> [String]
    /// Runs `fill` in one transaction (all or nothing), writing through the writer it is given.
    func load(_ fill: (any TableWriter) throws -> Void) throws(StoreError)
}

/// Rows into a ``TableTarget``, one table after the other.
package protocol TableWriter: AnyObject {
    func begin(_ table: StoreTables.Table) throws
    func add(_ cells: [StoredCell]) throws
    /// Ends the table; the database's counter continues after the copied rows.
    func end() throws
}

/// `psyscreen db copy`: every row of every table from one store into an empty other, in one transaction.
package enum DatabaseCopy {
    /// Rows copied per table, in ``StoreTables/all`` order.
    package static func run(
        from source: some TableSource, to target: some TableTarget
    ) throws(StoreError) -> [(table: String, rows: Int)] {
        let filled = try target.tablesWithRows()
        guard filled.isEmpty else {
            throw StoreError(path: target.path, .notEmpty(tables: filled))
        }
        var counts: [(table: String, rows: Int)] = []
        try target.load { writer in
            try source.readTables { forEachRow in
                for table in StoreTables.all {
                    try writer.begin(table)
                    var rows = 0
                    try forEachRow(table) { cells in
                        try writer.add(cells)
                        rows += 1
                    }
                    try writer.end()
                    counts.append((table.name, rows))
                }
            }
        }
        return counts
    }
}
