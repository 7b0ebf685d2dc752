import Foundation
import GRDB
import GRDBSQLite

/// Statements stepped through SQLite's C interface, and the column values of their current row.
enum SQLiteColumn {
    static func isNull(_ row: OpaquePointer, _ index: Int32) -> Bool { sqlite3_column_type(row, index) == SQLITE_NULL }

    /// Text ("" for NULL).
    static func text(_ row: OpaquePointer, _ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(row, index) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(row, index))), as: UTF8.self)
    }

    static func optionalText(_ row: OpaquePointer, _ index: Int32) -> String? {
        isNull(row, index) ? nil : text(row, index)
    }

    static func int(_ row: OpaquePointer, _ index: Int32) -> Int { Int(sqlite3_column_int64(row, index)) }

    static func optionalDouble(_ row: OpaquePointer, _ index: Int32) -> Double? {
        isNull(row, index) ? nil : sqlite3_column_double(row, index)
    }

    /// Steps a statement with SQLite's C interface (no `Row` values: this is the hot loop).
    static func forEachRow(_ statement: Statement, _ body: (OpaquePointer) throws -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                    sql: statement.sql)
            }
            try body(handle)
        }
    }

    /// Whether text column `index` holds exactly `bytes`, without making a String.
    static func equals(_ row: OpaquePointer, _ index: Int32, _ bytes: [UInt8]) -> Bool {
        guard let text = sqlite3_column_text(row, index) else { return bytes.isEmpty }
        let count = Int(sqlite3_column_bytes(row, index))
        guard count == bytes.count else { return false }
        return count == 0 || bytes.withUnsafeBufferPointer { memcmp(text, $0.baseAddress!, count) == 0 }
    }
}

/// Stored enum values (`attempt.level`, `student.status`, …) recognised from a column's bytes, without a String
/// per row; an unknown value fails the read (``StoredValue``).
struct StoredValues<Value: RawRepresentable> where Value.RawValue == String {
    private let keys: ByteKeys
    private let values: [Value]
    private let column: String

    init(_ values: [Value], column: String) {
        self.values = values
        self.column = column
        keys = ByteKeys(values.map { Array($0.rawValue.utf8) })
    }

    func decode(_ row: OpaquePointer, _ index: Int32) throws -> Value {
        let found = keys.index(row, index)
        guard found >= 0 else { throw StoredValue(column: column, text: SQLiteColumn.text(row, index)) }
        return values[found]
    }

    /// The value spelled by `bytes` (nil: NULL).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>?) throws -> Value {
        let found = bytes.map { keys.index($0) } ?? -1
        guard found >= 0 else {
            throw StoredValue(column: column, text: bytes.map { String(decoding: $0, as: UTF8.self) } ?? "")
        }
        return values[found]
    }
}
