import Dispatch
import Foundation
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously.
///
/// psyscreen's commands are synchronous and postgres-nio is asynchronous: this class is the one place where the
/// two meet. Every call runs its work as a task and blocks the calling thread until the server has answered, so
/// the closures handed in (row handlers) run while their caller waits and may touch the caller's state.
/// Use a link from one thread at a time.
package final class PostgresLink: @unchecked Sendable {
    package let location: PostgresLocation
    private let connection: PostgresConnection
    private let logger: Logger
    private var closed = false

    private init(location: PostgresLocation, connection: PostgresConnection, logger: Logger) {
        self.location = location
        self.connection = connection
        self.logger = logger
    }

    deinit {
        if !closed { close() }
    }

    /// Connects as `location` says; the password comes from the URL, `PGPASSWORD` or the password file, and
    /// `warn` receives libpq's warnings (a password file others may read is ignored).
    package static func connect(
        _ location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment,
        warn: @escaping (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) throws(PostgresFailure) -> PostgresLink {
        let password =
            location.password ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            ?? PasswordFile.password(for: location, environment: environment, warn: warn)
        var configuration: PostgresConnection.Configuration
        if location.isUnixSocket {
            configuration = .init(
                unixSocketPath: location.socketPath, username: location.user, password: password, database: location.database)
        } else {
            configuration = .init(
                host: location.host, port: location.port, username: location.user, password: password,
                database: location.database, tls: try TLSSettings.tls(for: location, environment: environment))
        }
        configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
        configuration.options.additionalStartupParameters = [("application_name", location.applicationName)]
        var logger = Logger(label: "psyscreen.postgres")
        // Standard output carries the command's output, and postgres-nio's messages are for its developers.
        logger.logLevel = .critical
        let quiet = logger, settings = configuration
        let connection: PostgresConnection
        do {
            connection = try blocking {
                try await PostgresConnection.connect(configuration: settings, id: 1, logger: quiet)
            }
        } catch {
            throw PostgresFailure(error, location: location, connecting: true, sentPassword: password != nil)
        }
        return PostgresLink(location: location, connection: connection, logger: logger)
    }

    /// Runs `query` and returns every row.
    @discardableResult
    package func query(_ query: PostgresQuery) throws(PostgresFailure) -> [PostgresRow] {
        let connection = self.connection, logger = self.logger
        do {
            return try run { try await connection.query(query, logger: logger).collect() }
        } catch {
            throw failure(error)
        }
    }

    /// Runs a script of statements without parameters (the schema), one after the other.
    package func script(_ sql: String) throws(PostgresFailure) {
        for statement in SQLScript.statements(sql) { try query(PostgresQuery(unsafeSQL: statement)) }
    }

    /// Runs `query`, handing each row to `body` as it arrives (a report over a district's students never holds
    /// them all). `body` runs on the calling thread (a SQLite transaction may be open there), a batch of rows at a
    /// time while the next batch arrives. Throws a ``PostgresFailure``, or what `body` threw.
    package func forEachRow(_ query: PostgresQuery, _ body: (PostgresRow) throws -> Void) throws {
        let connection = self.connection, logger = self.logger
        let handoff = RowHandoff()
        Task {
            do {
                var batch: [PostgresRow] = []
                batch.reserveCapacity(RowHandoff.batchSize)
                for try await row in try await connection.query(query, logger: logger) {
                    batch.append(row)
                    if batch.count == RowHandoff.batchSize {
                        guard handoff.deliver(batch) else { break }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = handoff.deliver(batch) }
                handoff.finish(nil)
            } catch {
                handoff.finish(error)
            }
        }
        var stopped: (any Error)?
        while let batch = handoff.next() {
            guard stopped == nil else { continue }
            do {
                for row in batch { try body(row) }
            } catch {
                stopped = error
                handoff.stop()
            }
        }
        if let stopped { throw stopped }
        if let failure = handoff.failure {
            if let error = failure as? PSQLError { throw PostgresFailure(error, location: location) }
            throw failure
        }
    }

    /// Starts `COPY table (columns) FROM STDIN` (text format): the caller writes buffers of lines to the
    /// returned ``CopyIn`` as it makes them, then finishes it (or aborts it: the server discards the rows).
    package func copyIn(_ table: String, columns: [String]) -> CopyIn {
        CopyIn(connection: connection, logger: logger, location: location, table: table, columns: columns)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws. A `snapshot` reads
    /// the database as it was when the first statement ran (several queries that must agree), and writes nothing.
    package func transaction<T>(snapshot: Bool = false, _ body: () throws -> T) throws -> T {
        try query(snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
        do {
            let value = try body()
            try query("COMMIT")
            return value
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// Closes the connection (also done when the link goes away).
    package func close() {
        guard !closed else { return }
        closed = true
        let connection = self.connection
        _ = try? Self.blocking { try await connection.close() }
    }

    /// Runs `work` and waits for it; postgres-nio's errors become ``PostgresFailure``s, others pass unchanged.
    private func run<T>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        do {
            return try Self.blocking(work)
        } catch let error as PSQLError {
            throw PostgresFailure(error, location: location)
        }
    }

    private func failure(_ error: any Error) -> PostgresFailure {
        error as? PostgresFailure ?? PostgresFailure(error, location: location)
    }

    /// Runs `work` as a task and waits for it on this thread.
    private static func blocking<T>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Unchecked<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                outcome.value = .success(try await work())
            } catch {
                outcome.value = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return try outcome.value!.get()
    }
}

/// One `COPY … FROM STDIN` in progress, fed from a synchronous caller: each ``write(_:)`` returns once the buffer
/// went to the server, so that a large copy never holds more than one buffer.
package final class CopyIn: @unchecked Sendable {
    private let continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation
    private let written = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let location: PostgresLocation
    private let lock = NSLock()
    private var failure: (any Error)?
    private var ended = false

    fileprivate init(connection: PostgresConnection, logger: Logger, location: PostgresLocation, table: String, columns: [String])
    {
        self.location = location
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        self.continuation = continuation
        Task { [written, done] in
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    for try await buffer in stream {
                        try await writer.write(buffer)
                        written.signal()
                    }
                }
            } catch {
                self.fail(error)
                written.signal()
            }
            done.signal()
        }
    }

    /// Sends `buffer` (whole lines) and waits until it is sent.
    package func write(_ buffer: ByteBuffer) throws(PostgresFailure) {
        try check()
        continuation.yield(buffer)
        written.wait()
        try check()
    }

    /// Ends the data and waits for the server to take the rows.
    package func finish() throws(PostgresFailure) {
        guard end() else { return }
        continuation.finish()
        done.wait()
        try check()
    }

    /// Ends the copy without keeping its rows.
    package func abort(_ error: any Error) {
        guard end() else { return }
        continuation.finish(throwing: error)
        done.wait()
    }

    private func end() -> Bool {
        lock.withLock {
            defer { ended = true }
            return !ended
        }
    }

    private func fail(_ error: any Error) {
        lock.withLock { if failure == nil { failure = error } }
    }

    private func check() throws(PostgresFailure) {
        guard let failure = lock.withLock({ self.failure }) else { return }
        throw failure as? PostgresFailure ?? PostgresFailure(failure, location: location)
    }
}

/// Batches of rows from the task reading them to the thread that handles them, one batch in flight.
private final class RowHandoff: @unchecked Sendable {
    static let batchSize = 512
    private let condition = NSCondition()
    private var batch: [PostgresRow]?
    private var finished = false
    private var stopped = false
    private(set) var failure: (any Error)?

    /// Hands a batch over and waits until it is taken; false when the reader stopped.
    func deliver(_ rows: [PostgresRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batch != nil && !stopped { condition.wait() }
        guard !stopped else { return false }
        batch = rows
        condition.broadcast()
        return true
    }

    func finish(_ error: (any Error)?) {
        condition.lock()
        while batch != nil && !stopped { condition.wait() }
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil at the end.
    func next() -> [PostgresRow]? {
        condition.lock()
        defer { condition.unlock() }
        while batch == nil && !finished { condition.wait() }
        let rows = batch
        batch = nil
        condition.broadcast()
        return rows
    }

    /// The handler failed: the reader stops after the batch it holds.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A value handed between the waiting thread and the task that works for it: only one of them touches it at a
/// time (the semaphore orders them), which the compiler cannot see.
private final class Unchecked<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
