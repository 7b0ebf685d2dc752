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
package final class ScreeningStore: Sendable {
    // DatabaseQueue serializes every access; the class only adds immutable configuration around it.
    let queue: DatabaseQueue
    package let path: String
    /// The OS user recorded in the audit trail.
    package let user: String
    let clock: @Sendable () -> Date

    /// `--db PATH` default: `$PSYSCREEN_DB`, else `./psyscreen.sqlite`.
    package static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["PSYSCREEN_DB"], !path.isEmpty { return path }
        return "psyscreen.sqlite"
    }

    /// Opens (creating with mode 0600 if needed) and migrates the database at `path`.
    package init(path: String, user: String = ScreeningStore.currentUser(), clock: @escaping @Sendable () -> Date = Date.init) throws(StoreError) {
        self.path = path
        self.user = user
        self.clock = clock
        try Self.createOwnerOnly(path)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.foreignKeysEnabled = true
        // 40 lab terminals on one file: wait for the writer instead of failing.
        configuration.busyMode = .timeout(60)
        configuration.label = "psyscreen"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try StoreMigrations.migrator.migrate(queue)
        } catch {
            throw StoreError(path: path, error)
        }
    }

    /// The login name of the effective user, for the audit trail.
    package static func currentUser() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }

    /// SQLite creates the file with the process umask; health data of minors must be owner-only from the first byte.
    private static func createOwnerOnly(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(path: path, message: "cannot open the database: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & 0o077 != 0, info.st_uid == geteuid() {
            fchmod(fd, 0o600)
        }
    }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`): all of it lands, or none of it.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: path, error)
        }
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
    func audit(_ db: Database, _ action: String, _ detail: String) throws {
        try AuditRecord(id: nil, at: clock(), user: user, action: action, detail: detail).insert(db)
    }

    /// Creates the wave on first use.
    func ensureWave(_ db: Database, _ wave: String) throws {
        guard !wave.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError(path: path, message: "a wave name is needed (e.g. 2026-autumn)")
        }
        try db.execute(sql: "INSERT OR IGNORE INTO wave (id, created_at) VALUES (?, ?)", arguments: [wave, clock()])
    }
}
