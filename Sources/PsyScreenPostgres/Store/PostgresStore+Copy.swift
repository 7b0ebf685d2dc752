import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

/// `db copy` from and into a PostgreSQL database (as the tables' owner: the rows go in with COPY, past the
/// counselors' row-level security, and the audit trail keeps who did what).
extension PostgresStore: TableSource, TableTarget {
    package func readTables(_ body: (_ forEachRow: TableRows) throws -> Void) throws(StoreError) {
        try transaction(snapshot: true) {
            try body { table, handle in
                let columns = table.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
                try link.forEachRow(PostgresQuery(unsafeSQL: "SELECT \(columns) FROM \"\(table.name)\" ORDER BY \(table.order)"))
                { row in
                    var cells: [StoredCell] = []
                    cells.reserveCapacity(table.columns.count)
                    for (cell, column) in zip(row, table.columns) {
                        switch column.kind {
                        case .text: cells.append(try cell.decode(String?.self).map(StoredCell.text) ?? .null)
                        case .integer: cells.append(try cell.decode(Int64?.self).map(StoredCell.integer) ?? .null)
                        case .real: cells.append(try cell.decode(Double?.self).map(StoredCell.real) ?? .null)
                        case .flag: cells.append(try cell.decode(Bool?.self).map(StoredCell.flag) ?? .null)
                        case .time: cells.append(try cell.decode(Date?.self).map { StoredCell.time($0) } ?? .null)
                        }
                    }
                    try handle(cells)
                }
            }
        }
    }

    package func tablesWithRows() throws(StoreError) -> [String] {
        var filled: [String] = []
        for table in StoreTables.all where try !run(PostgresQuery(unsafeSQL: "SELECT 1 FROM \"\(table.name)\" LIMIT 1")).isEmpty {
            filled.append(table.name)
        }
        return filled
    }

    package func load(_ fill: (any TableWriter) throws -> Void) throws(StoreError) {
        try transaction {
            let writer = PostgresTableWriter(link)
            do {
                try fill(writer)
            } catch {
                // The connection must leave COPY mode before the transaction can roll back.
                writer.lines?.abort(error)
                throw error
            }
        }
    }
}

/// Copies each table with COPY, then moves its identity counter past the copied ids.
private final class PostgresTableWriter: TableWriter {
    let link: PostgresLink
    var table: StoreTables.Table?
    var lines: CopyLines?

    init(_ link: PostgresLink) { self.link = link }

    func begin(_ table: StoreTables.Table) throws {
        self.table = table
        lines = CopyLines(link.copyIn(table.name, columns: table.columns.map(\.name)))
    }

    func add(_ cells: [StoredCell]) throws {
        for cell in cells {
            switch cell {
            case .null: lines!.text.field(nil as String?)
            case .text(let text): lines!.text.field(text)
            case .integer(let number): lines!.text.field(number)
            case .real(let number): lines!.text.field(number)
            case .flag(let flag): lines!.text.field(flag)
            case .time(let milliseconds): lines!.text.field(milliseconds: milliseconds)
            }
        }
        try lines!.endRow()
    }

    func end() throws {
        try lines?.finish()
        lines = nil
        guard let table, let counter = table.counter else { return }
        try link.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(table.name)', '\(counter)'), coalesce(max("\(counter)"), 0) + 1, false) FROM "\(table.name)"
                    """))
    }
}
