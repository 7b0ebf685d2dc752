import Foundation
import GRDB
import PsyScreen

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The school's screening database: one SQLite file (WAL, foreign keys, mode 0600) holding the roster, waves,
/// attempts with their answers and results, follow-ups and the audit trail.
///
/// Many `psyscreen take` processes may use one file at once: writes are short `BEGIN IMMEDIATE` transactions and
/// a busy connection waits instead of failing with "database is locked".
///
/// Opened ``StoreAccess/readOnly`` (the listing and report commands) it never creates the file, never changes it
/// (except one audit line, see ``recordExport(_:path:rows:)``) and works on a file the user may only read.
package final class SQLiteStore: Sendable {
    // DatabaseQueue serializes every access; the class only adds immutable configuration around it.
    let queue: DatabaseQueue
    package let path: String
    package let access: StoreAccess
    /// The OS user recorded in the audit trail.
    package let user: String
    let clock: @Sendable () -> Date
    /// Set when this process created the file and a write then failed: the file is removed on close if it still
    /// holds no data (a full disk must not leave an empty database and a 2 MB `-wal` behind).
    private let createdHere: Bool
    private let failedEmpty = LockedFlag()
    /// The integrity check of a store opened for reading, running beside the command.
    private let integrity: IntegrityCheck?
    /// What that check covers.
    private let integrityScope: IntegrityScope
    /// How many students a listing of the whole roster reads the attempts of at once (``AttemptBatch``).
    let listingBatch: Int

    /// Opens the database at `path`.
    ///
    /// - Parameters:
    ///   - access: ``StoreAccess/readWrite`` creates (mode 0600) and migrates; ``StoreAccess/readOnly`` needs an existing
    ///     file (an older schema is upgraded only if the file is writable).
    ///   - checkIntegrity: runs SQLite's `quick_check` first, so that a damaged file stops the command before it
    ///     reads wrong figures or adds to the damage.
    ///   - scope: what a read-only store's check covers (a writable store's always covers the whole file).
    ///   - listingBatch: how many students a listing of the whole roster reads the attempts of at once (tests make
    ///     it small, to cross from one batch to the next).
    package init(
        path: String, access: StoreAccess = .readWrite, checkIntegrity: Bool = false, scope: IntegrityScope = .wholeFile,
        user: String = StoreLocation.currentUser(), busyTimeout: TimeInterval = 60,
        clock: @escaping @Sendable () -> Date = Date.init, listingBatch: Int = 2048
    ) throws(StoreError) {
        precondition(listingBatch > 0, "a batch holds at least one student")
        self.listingBatch = listingBatch
        self.path = path
        self.access = access
        self.user = user
        self.clock = clock
        createdHere = access == .readWrite ? try Self.createOwnerOnly(path) : false
        if access == .readOnly { try Self.requireExisting(path) }
        integrityScope = scope
        // Beside the command's own reads, on another connection (see IntegrityCheck).
        integrity =
            access == .readOnly && checkIntegrity ? IntegrityCheck(path: path, scope: scope) { try Self.openReadOnly(path) } : nil
        do {
            switch access {
            case .readOnly:
                queue = try Self.openReadOnly(path)
            case .readWrite:
                // Checked through a connection that cannot write: opening for writing already writes (WAL set-up).
                if checkIntegrity && !createdHere { try Self.quickCheck(Self.openReadOnly(path), path: path) }
                var configuration = Self.configuration(access)
                configuration.busyMode = Self.busyWait(seconds: busyTimeout)
                queue = try DatabaseQueue(path: path, configuration: configuration)
            }
            try Self.migrate(
                queue, path: path, access: access, beforeWriting: { [integrity] () throws(StoreError) in try integrity?.wait() })
        } catch {
            if createdHere { Self.removeFiles(path) }
            throw error as? StoreError ?? StoreError(path: path, error)
        }
    }

    deinit {
        guard failedEmpty.isSet else { return }
        let empty = (try? queue.read { db in try Self.holdsNoData(db) }) ?? false
        try? queue.close()
        if empty { Self.removeFiles(path) }
    }

    static func configuration(_ access: StoreAccess) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // 40 lab terminals on one file: wait for the writer instead of failing.
        configuration.busyMode = busyWait(seconds: 60)
        configuration.label = "psyscreen"
        // A district's listings look students up all over the file: a page cache of 16 MB (SQLite's default is
        // 2 MB) keeps most of them in memory, instead of a system call per page read.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(pageCacheKiB)") }
        switch access {
        case .readOnly: configuration.readonly = true  // the file's header says WAL; no write needed to read it
        case .readWrite: configuration.journalMode = .wal
        }
        return configuration
    }

    /// The page cache of every connection, in KiB.
    static let pageCacheKiB = 16384

    /// Waits for a busy database up to `seconds`, trying again every millisecond at first, then every 5 ms.
    ///
    /// SQLite's own busy timeout sleeps up to 100 ms between tries: against an import that takes the write lock
    /// again a few milliseconds after it let it go, a terminal could miss every gap. Short sleeps take the next one.
    static func busyWait(seconds: TimeInterval) -> Database.BusyMode {
        let quick = 20  // 20 tries 1 ms apart, then 5 ms apart
        let tries = quick + max(0, Int((seconds - Double(quick) / 1000) * 200))
        return .callback { attempt in
            guard attempt < tries else { return false }
            usleep(attempt < quick ? 1000 : 5000)
            return true
        }
    }

    /// Opens an existing file for reading only.
    ///
    /// When the user may write the file, the connection may write but runs with `query_only` (no statement can
    /// change the data): SQLite can then remove its `-wal` and `-shm` when the last connection closes, instead
    /// of leaving them beside the file after every listing. When the user may only read it, the connection is
    /// opened read-only; SQLite then needs the `-shm` and `-wal`, and a user who may not create them reads the file
    /// as immutable provided no `-wal` exists (no connection is open: every change is in the file itself).
    private static func openReadOnly(_ path: String) throws -> DatabaseQueue {
        if isAccessible(path, W_OK) {
            var configuration = configuration(.readOnly)
            configuration.readonly = false
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
            return try DatabaseQueue(path: path, configuration: configuration)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(.readOnly))
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) {
            guard !isAccessible(path + "-wal", F_OK) else {
                throw StoreError(path: path, .cannotReadWithoutShm(path: path))
            }
            let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
            return try DatabaseQueue(path: uri, configuration: configuration(.readOnly))
        }
    }

    /// SQLite creates the file with the process umask; health data of minors must be owner-only from the first
    /// byte. Returns whether the file was created now; an existing file's mode is never changed.
    private static func createOwnerOnly(_ path: String) throws(StoreError) -> Bool {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 && errno == EEXIST { return false }
        guard fd >= 0 else {
            throw StoreError(path: path, .cannotCreate(SystemError(errno)))
        }
        defer { close(fd) }
        fchmod(fd, 0o600)  // ours: the umask may have taken the owner's write bit
        return true
    }

    private static func requireExisting(_ path: String) throws(StoreError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT {
                throw StoreError(path: path, .noDatabase)
            }
            throw StoreError(path: path, .cannotOpen(SystemError(code)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError(path: path, .notADatabaseFile)
        }
    }

    /// Brings the schema up to date. A read-only opening upgrades an older file through a short-lived writable
    /// connection when the file may be written, and otherwise says who can upgrade it.
    private static func migrate(
        _ queue: DatabaseQueue, path: String, access: StoreAccess, beforeWriting: () throws(StoreError) -> Void
    ) throws {
        let migrator = StoreMigrations.migrator
        if try queue.read({ db in try migrator.hasBeenSuperseded(db) }) {
            throw StoreError(path: path, .newerVersion)
        }
        switch access {
        case .readWrite:
            try migrator.migrate(queue)
        case .readOnly:
            guard try !queue.read({ db in try migrator.hasCompletedMigrations(db) }) else { return }
            guard isAccessible(path, W_OK) else {
                throw StoreError(path: path, .olderVersion)
            }
            try beforeWriting()
            let writer = try DatabaseQueue(path: path, configuration: configuration(.readWrite))
            try migrator.migrate(writer)
            try writer.close()
        }
    }

    /// Runs SQLite's `quick_check` (every page of `scope` read once, no index cross-check).
    static func quickCheck(_ queue: DatabaseQueue, path: String, scope: IntegrityScope = .wholeFile) throws {
        try queue.read { db in try quickCheck(db, path: path, scope: scope) }
    }

    static func quickCheck(_ db: Database, path: String, scope: IntegrityScope) throws {
        for statement in scope.statements {
            let problems = try String.fetchAll(db, sql: statement)
            guard problems == ["ok"] else {
                throw StoreError.damaged(path: path, detail: problems.first ?? "quick_check failed")
            }
        }
    }

    /// Checks `table` first when this store's integrity check leaves it out: a command reads no table its check
    /// does not vouch for (``IntegrityScope``), even one it reads only now and then.
    func checkBeforeReading(_ table: String, _ db: Database) throws {
        guard integrity != nil, !integrityScope.covers(table) else { return }
        try Self.quickCheck(db, path: path, scope: .tables([table]))
    }

    /// Whether every table but the schema's bookkeeping is empty.
    static func holdsNoData(_ db: Database) throws -> Bool {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'"
        )
        for table in tables where try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(table)\")") == true {
            return false
        }
        return true
    }

    /// Removes a database this process created, with what SQLite created beside it.
    private static func removeFiles(_ path: String) {
        for suffix in ["-wal", "-shm", "-journal", ""] { unlink(path + suffix) }
    }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`): all of it lands, or none of it.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try integrity?.wait()
        do {
            guard access == .readWrite else { return try Self.writeOnce(path, body) }
            return try queue.write(body)
        } catch {
            if createdHere { failedEmpty.set() }
            throw error as? StoreError ?? StoreError(path: path, error)
        }
    }

    /// A write through a read-only store (the audit line of an identified export): one short-lived writable
    /// connection to the existing file.
    private static func writeOnce<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        var configuration = configuration(.readWrite)
        configuration.journalMode = .default  // the file is in WAL mode already
        let writer = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? writer.close() }
        return try writer.write(body)
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: path, error)
        }
    }

    /// Adds an audit line inside the caller's transaction.
    func audit(_ db: Database, _ event: AuditEvent) throws {
        try AuditRecord(id: nil, at: clock(), user: user, action: event.action.rawValue, detail: event.json).insert(db)
    }

    /// Creates the wave on first use.
    func ensureWave(_ db: Database, _ wave: String) throws {
        guard !wave.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError(path: path, .waveNameNeeded)
        }
        try db.execute(sql: "INSERT OR IGNORE INTO wave (id, created_at) VALUES (?, ?)", arguments: [wave, clock()])
    }
}

/// `access(2)`, which the store's `access` property would otherwise shadow.
private func isAccessible(_ path: String, _ mode: Int32) -> Bool { access(path, mode) == 0 }

/// A flag set from any thread.
private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
