import Foundation
import GRDB

/// SQLite's `quick_check` of a database opened for reading, run on another connection and thread while the
/// command reads: on a district's file the check reads every page (a second or more), and the command reads most
/// of them too, so the two run side by side instead of one after the other.
///
/// Nothing leaves the process before the check has passed: every write to the database (``SQLiteStore``'s
/// audit lines) waits for it, and the CLI waits for it (``SQLiteStore/verifyOpenDatabases()``) before it writes
/// to standard output or puts an output file in place. A damaged file so stops the command with the damage
/// message, as a check run first would.
final class IntegrityCheck: @unchecked Sendable {
    // `failure` is written on the check's thread before `done` is signalled, and read after waiting on it.
    private let done = DispatchGroup()
    private var failure: StoreError?

    /// The check thread's nice value: ten steps below the command's threads.
    private static let niceness: Int32 = 10
    private static let lock = NSLock()
    nonisolated(unsafe) private static var running: [IntegrityCheck] = []

    init(path: String, scope: IntegrityScope, open: @escaping @Sendable () throws -> DatabaseQueue) {
        done.enter()
        let thread = Thread { [self] in
            // Below the command's own threads (on Linux a nice value is a thread's; 0 is this one): the check is
            // needed only when output leaves, and until then a report waits on its own scans and sums, not on the
            // check, which fills the cores they leave idle. On a thread of its own rather than Dispatch's pool,
            // which would count it as one of the few threads the command's parallel parts may use.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
            do {
                let queue = try open()
                // It reads every page once, in order: SQLite's small default cache is enough.
                try queue.inDatabase { db in
                    try db.execute(sql: "PRAGMA cache_size = -2048")
                    // On this connection only, which may not write (query_only).
                    if !scope.checksConstraints { try db.execute(sql: "PRAGMA ignore_check_constraints = ON") }
                }
                try SQLiteStore.quickCheck(queue, path: path, scope: scope)
            } catch {
                failure = error as? StoreError ?? StoreError(path: path, error)
            }
            done.leave()
        }
        thread.start()
        Self.lock.withLock { Self.running.append(self) }
    }

    /// Waits for the check; throws what it found.
    func wait() throws(StoreError) {
        done.wait()
        if let failure { throw failure }
    }

    /// Waits for every check started in this process; throws the first damage found.
    static func waitForAll() throws(StoreError) {
        for check in lock.withLock({ running }) { try check.wait() }
    }
}

extension SQLiteStore {
    /// Waits until the integrity checks of every database this process opened for reading have passed; throws the
    /// damage one found. Call before anything read from a database leaves the process.
    package static func verifyOpenDatabases() throws(StoreError) {
        try IntegrityCheck.waitForAll()
    }

    /// The damage an integrity check of this process found, if any (waiting for the checks still running): what a
    /// command that failed reports instead of the error it met, which the damage may have caused.
    package static func damageFound() -> StoreError? {
        do {
            try IntegrityCheck.waitForAll()
            return nil
        } catch {
            return error.damage != nil ? error : nil
        }
    }
}
