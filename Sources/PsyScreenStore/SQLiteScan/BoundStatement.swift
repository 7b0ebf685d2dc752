import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

/// A prepared statement driven through SQLite's C interface: values bound one by one, stepped, reset. No
/// `StatementArguments` (an array of boxed values) per row: an import writes some twenty rows per sheet.
///
/// Bindings survive ``run()`` (SQLite keeps them across a reset), so values shared by every row are bound once.
struct BoundStatement {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    /// The connection's cached statement for `sql`.
    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }
    func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(handle, index, value ? 1 : 0) }

    func bind(_ index: Int32, _ value: Int?) {
        if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Text, copied by SQLite (`SQLITE_TRANSIENT`).
    func bind(_ index: Int32, _ value: String?) {
        guard var value else { return _ = sqlite3_bind_null(handle, index) }
        value.withUTF8 { bytes in
            _ = sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    /// Text that outlives the statement's steps (a name bound for every row): SQLite reads it in place.
    func bind(_ index: Int32, _ text: StableText) {
        sqlite3_bind_text(handle, index, text.pointer, text.count, nil)
    }

    /// Text that repeats across rows (a level, a band, a status): bound from `cache` without a copy.
    func bind(_ index: Int32, _ value: String?, cache: TextCache) {
        guard let value, let text = cache.text(value) else { return bind(index, value) }
        bind(index, text)
    }

    /// Steps the statement to its end and resets it; returns how many rows it changed.
    @discardableResult
    func run() throws -> Int {
        _ = try exists()
        return Int(sqlite3_changes(sqlite3_db_handle(handle)))
    }

    /// Whether the query returns a row.
    func exists() throws -> Bool {
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                sql: statement.sql)
        }
        return code == SQLITE_ROW
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// ``StableText`` copies of the texts met so far, for values that repeat across a bulk write (at most a few
/// thousand distinct ones are kept; the rest are bound as copies).
final class TextCache {
    private var texts: [String: StableText] = [:]

    func text(_ value: String) -> StableText? {
        if let known = texts[value] { return known }
        guard texts.count < 4096 else { return nil }
        let text = StableText(value)
        texts[value] = text
        return text
    }
}
