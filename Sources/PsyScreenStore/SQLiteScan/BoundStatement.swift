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

    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }

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

/// The texts of one run of a bulk statement, written one after the other into one buffer and bound in place while
/// the statement runs: no String and no copy by SQLite per value (an import binds a dozen texts per sheet).
struct BoundTexts {
    /// Starts with a byte no text uses, so that the buffer is never empty (an empty text is bound as "", not NULL).
    private var bytes: [UInt8] = [0]
    private var slots: [(index: Int32, start: Int, count: Int)] = []

    /// Binds parameter `index` to what `write` appends.
    mutating func add(_ index: Int32, _ write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        slots.append((index, start, bytes.count - start))
    }

    mutating func add(_ index: Int32, _ text: String) {
        add(index) { $0 += text.utf8 }
    }

    mutating func add(_ index: Int32, _ text: ArraySlice<UInt8>) {
        add(index) { $0 += text }
    }

    /// Binds every text added to `statement`, runs it, then unbinds them (SQLite must not keep a pointer into
    /// the buffer) and empties the buffer for the next run. Returns how many rows the statement changed.
    @discardableResult
    mutating func run(_ statement: BoundStatement) throws -> Int {
        defer {
            bytes.removeSubrange(1...)
            slots.removeAll(keepingCapacity: true)
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            for slot in slots { statement.bindInPlace(slot.index, base + slot.start, Int32(slot.count)) }
            defer { for slot in slots { statement.bindNull(slot.index) } }
            return try statement.run()
        }
    }
}

extension BoundStatement {
    /// Text SQLite reads in place until it is bound again (``BoundTexts``).
    fileprivate func bindInPlace(_ index: Int32, _ text: UnsafePointer<CChar>, _ count: Int32) {
        sqlite3_bind_text(statement.sqliteStatement, index, text, count, nil)
    }
}
