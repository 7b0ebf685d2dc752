import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

/// The school's (or district's) screening data in a PostgreSQL database: the same operations as the SQLite
/// store, over one connection, for lab terminals, counselors and administrators working at once.
///
/// What a connection may see and change is the server's business: a lab terminal's login reaches the data only
/// through the terminal functions, a counselor's sees its schools' rows (row-level security), an administrator's
/// only counts (see ``PostgresRoles``). Each operation is one transaction; an answer is committed before the next
/// item is shown.
package final class PostgresStore: @unchecked Sendable {
    let link: PostgresLink
    package let location: PostgresLocation
    package let access: StoreAccess
    /// The OS user, recorded in the audit trail (a counselor's or terminal's rows get their login instead, from
    /// the server).
    package let user: String
    let clock: @Sendable () -> Date
    /// The terminal sittings this process works on (see ``lookUp(wave:studentID:)``).
    var sittings: [Int64: TerminalSitting] = [:]

    /// Connects to `location` and checks the schema: ``SQLiteStore/Access/readOnly`` needs it in place and
    /// current; ``SQLiteStore/Access/readWrite`` creates or upgrades it when this role may (the database's
    /// owner), as a SQLite file is created by the first command that stores. `lockTimeout` (seconds): how long a
    /// statement waits for a lock another connection holds before it fails as busy (``StoreError/isBusy``), as
    /// SQLite's busy timeout.
    package init(
        location: PostgresLocation, access: StoreAccess = .readWrite, user: String = StoreLocation.currentUser(),
        environment: [String: String] = ProcessInfo.processInfo.environment, lockTimeout: TimeInterval = 60,
        clock: @escaping @Sendable () -> Date = Date.init
    ) throws(StoreError) {
        self.location = location
        self.access = access
        self.user = user
        self.clock = clock
        do {
            link = try PostgresLink.connect(location, environment: environment)
            try link.script("SET lock_timeout = \(max(1, Int(lockTimeout * 1000)))")
            switch (access, try PostgresMigrations.state(link)) {
            case (_, .current): break
            case (.readWrite, .empty), (.readWrite, .behind):
                do {
                    try PostgresMigrations.migrate(link)
                } catch let failure where failure.isPermissionDenied {
                    try PostgresMigrations.requireCurrent(link)
                }
            default: try PostgresMigrations.requireCurrent(link)
            }
        } catch {
            var failure = StoreError(path: location.displayName, .other(error.message))
            failure.isBusy = error.isBusy
            throw failure
        }
    }

    deinit { link.close() }

    /// Where the data is, for messages.
    package var path: String { location.displayName }

    /// A store error about this database.
    func failure(_ message: StoreMessage) -> StoreError { StoreError(path: path, message) }

    /// Runs `body` in one transaction (a `snapshot`: reads that must agree); the server's refusals become
    /// ``StoreError``s.
    func transaction<T>(snapshot: Bool = false, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try link.transaction(snapshot: snapshot, body)
        } catch {
            throw storeError(error)
        }
    }

    /// Runs one statement (its own transaction unless inside ``transaction(_:)``).
    @discardableResult
    func run(_ query: PostgresQuery) throws(StoreError) -> [PostgresRow] {
        do {
            return try link.query(query)
        } catch {
            throw storeError(error)
        }
    }

    /// Streams the rows of `query` into `body`.
    func forEachRow(_ query: PostgresQuery, _ body: (PostgresRow) throws -> Void) throws(StoreError) {
        do {
            try link.forEachRow(query, body)
        } catch {
            throw storeError(error)
        }
    }

    func storeError(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as PostgresFailure:
            var converted = failure(.other(error.message))
            converted.isBusy = error.isBusy
            return converted
        default: return failure(.other((error as? any Message)?.localized ?? LocalizedText(libraryText: "\(error)")))
        }
    }

    /// Adds an audit line inside the caller's transaction.
    func audit(_ event: AuditEvent) throws(PostgresFailure) {
        try link.query(
            "INSERT INTO audit (at, \"user\", action, detail) VALUES (\(Self.stored(clock())), \(user), \(event.action.rawValue), \(event.json))"
        )
    }

    /// Creates the wave on first use.
    func ensureWave(_ wave: String) throws {
        guard !wave.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw failure(.waveNameNeeded)
        }
        try link.query("INSERT INTO wave (id, created_at) VALUES (\(wave), \(Self.stored(clock()))) ON CONFLICT DO NOTHING")
    }

    /// A time as both stores keep it: whole milliseconds (SQLite's text times hold no more).
    static func stored(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}

extension PostgresStore {
    /// Streams `rows` into `table` with COPY, each written by `write` as one line.
    func copy<Rows: Sequence>(
        _ rows: Rows, into table: String, columns: [String], _ write: (Rows.Element, inout CopyText) throws -> Void
    ) throws {
        try copyLines(into: table, columns: columns) { lines in
            for row in rows {
                try write(row, &lines.text)
                try lines.endRow()
            }
        }
    }

    /// Streams the lines `write` makes into `table` with COPY (each ended with ``CopyLines/endRow()``): for rows
    /// nested in others, written without a sequence of them.
    func copyLines(into table: String, columns: [String], _ write: (inout CopyLines) throws -> Void) throws {
        var lines = CopyLines(link.copyIn(table, columns: columns))
        do {
            try write(&lines)
            try lines.finish()
        } catch {
            lines.abort(error)
            throw error
        }
    }
}

/// Lines for a ``CopyIn``, sent a megabyte at a time.
struct CopyLines {
    let copy: CopyIn
    var text = CopyText(ByteBuffer())

    init(_ copy: CopyIn) {
        self.copy = copy
        text.buffer.reserveCapacity(1 << 20)
    }

    mutating func endRow() throws(PostgresFailure) {
        text.end()
        if text.buffer.readableBytes >= 1 << 20 { try flush() }
    }

    mutating func finish() throws(PostgresFailure) {
        try flush()
        try copy.finish()
    }

    func abort(_ error: any Error) { copy.abort(error) }

    private mutating func flush() throws(PostgresFailure) {
        guard text.buffer.readableBytes > 0 else { return }
        try copy.write(text.buffer)
        text.buffer.clear()
    }
}

extension PostgresStore: ScreeningStore {
    /// PostgreSQL checks its own pages (with data checksums on, every read); what psyscreen can check is that the
    /// schema is the one this version works with.
    package func integrityProblems() throws(StoreError) -> [LocalizedText] {
        do {
            try PostgresMigrations.requireCurrent(link)
            return []
        } catch {
            return [error.message]
        }
    }
}
