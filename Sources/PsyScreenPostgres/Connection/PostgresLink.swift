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
        let password = location.password ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
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
    /// them all). Throws a ``PostgresFailure``, or what `body` threw.
    package func forEachRow(_ query: PostgresQuery, _ body: @escaping (PostgresRow) throws -> Void) throws {
        let connection = self.connection, logger = self.logger
        let handler = Unchecked(body)
        try run {
            for try await row in try await connection.query(query, logger: logger) { try handler.value(row) }
        }
    }

    /// Streams rows into `table` with `COPY … FROM STDIN` (text format): `produce` appends lines to the buffer
    /// it is given and returns false when it has no more. Throws a ``PostgresFailure``, or what `produce` threw.
    package func copy(
        into table: String, columns: [String], _ produce: @escaping (inout ByteBuffer) throws -> Bool
    ) throws {
        let connection = self.connection, logger = self.logger
        let producer = Unchecked(produce)
        try run {
            try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                var more = true
                while more {
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20)
                    more = try producer.value(&buffer)
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            }
        }
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

/// A value handed between the waiting thread and the task that works for it: only one of them touches it at a
/// time (the semaphore orders them), which the compiler cannot see.
private final class Unchecked<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
