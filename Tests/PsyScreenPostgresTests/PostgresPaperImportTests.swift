import Foundation
import PostgresNIO
import PsyScreen
@testable import PsyScreenPostgres
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// A paper import on PostgreSQL writes its sheets a chunk at a time inside its transaction while it reads the next
/// ones: a sheet taken back out after its chunk was written is not stored, an import that stops stores nothing, and a
/// second import of the same file waits for the first and stores nothing.
final class PostgresPaperImportTests: XCTestCase {
    private var database: PostgresTestDatabase!
    private var owner: PostgresLink!
    private let annual = Fixtures.catalog.battery("annual")!
    /// More sheets than one chunk, so that the first chunk is written while the rest are added.
    private let count = PostgresPaperImportStaging.chunkSheets + 100
    private let red = [Array(repeating: 3, count: 9), Array(repeating: 3, count: 7)]
    private let calm = [Array(repeating: 0, count: 9), Array(repeating: 0, count: 7)]

    override func setUpWithError() throws {
        (database, owner) = try PostgresTestServer.makeSchoolDatabase(
            for: self,
            rows: """
                INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at)
                SELECT 'S' || n, '学生' || n, '城东', '2026', '机电1班', '男', 'enrolled', now()
                FROM generate_series(1, \(count)) n;
                """)
    }

    private func strings(_ sql: String) throws -> [String] {
        try owner.query(PostgresQuery(unsafeSQL: sql)).map { row throws(PostgresFailure) in try row.column(0, at: owner.location)
        }
    }

    private func makeStore() throws -> PostgresStore {
        try PostgresStore(location: try PostgresTestServer.location(database.url), user: "os-user")
    }

    private func begin(_ store: PostgresStore, hash: String = "h1") throws -> any PaperImportStaging {
        guard case .staging(let staging) = try store.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: hash)
        else { throw XCTSkip("a new file is staged") }
        return staging
    }

    /// Adds a sheet for every student S1…, red for every tenth: returns their numbers by student.
    private func addAll(to staging: any PaperImportStaging) throws -> [String: Int] {
        var numbers: [String: Int] = [:]
        for n in 1...count {
            numbers["S\(n)"] = try staging.add(studentID: "S\(n)", line: n + 1, answers: n % 10 == 0 ? red : calm)
        }
        return numbers
    }

    func testSheetsDroppedBeforeOrAfterTheirChunkWasWrittenAreNotStored() throws {
        let store = try makeStore()
        let staging = try begin(store)
        let numbers = try addAll(to: staging)
        try staging.add(studentID: "NOBODY", line: count + 2, answers: red)
        // S10 went with the first chunk; the last student's sheet is still waiting for its chunk.
        try staging.drop(try XCTUnwrap(numbers["S10"]))
        try staging.drop(try XCTUnwrap(numbers["S\(count)"]))
        let summary = try staging.publish()

        let reds = count / 10 - 1 - (count % 10 == 0 ? 1 : 0)
        XCTAssertEqual(summary.stored, count - 2)
        XCTAssertEqual(summary.levels, [.red: reds, WarningLevel.none: count - 2 - reds])
        XCTAssertEqual(summary.strangers, [Stranger(line: count + 2, studentID: "NOBODY", raisesCrisis: true)])
        XCTAssertEqual(try strings("SELECT count(*)::text FROM attempt"), ["\(count - 2)"])
        XCTAssertEqual(try strings("SELECT count(*)::text FROM attempt WHERE student_id IN ('S10', 'S\(count)')"), ["0"])
        XCTAssertEqual(
            try strings("SELECT count(*)::text FROM attempt WHERE array_length(string_to_array(results, E'\\n'), 1) = 2"),
            ["\(count - 2)"])
        XCTAssertEqual(
            try strings("SELECT count(*)::text FROM attempt WHERE source_line <> substr(student_id, 2)::integer + 1"), ["0"])
        XCTAssertEqual(try strings("SELECT count(*)::text FROM attempt WHERE level = 'red'"), ["\(reds)"])
        XCTAssertEqual(
            try strings("SELECT records || ' ' || stored FROM import"), ["\(count - 1) \(count - 2)"])
    }

    func testAnImportStoppedAfterAChunkWasWrittenStoresNothingAndTheFileCanBeImportedAgain() throws {
        do {
            let store = try makeStore()
            let staging = try begin(store)
            _ = try addAll(to: staging)
            // Stopped by an error further on in the file: never published.
        }
        XCTAssertEqual(try strings("SELECT count(*)::text FROM attempt"), ["0"])
        XCTAssertEqual(try strings("SELECT count(*)::text FROM import"), ["0"])
        let again = try begin(try makeStore())
        try again.add(studentID: "S1", line: 2, answers: calm)
        XCTAssertEqual(try again.publish().stored, 1)
        XCTAssertEqual(try strings("SELECT student_id FROM attempt"), ["S1"])
    }

    func testASecondImportOfTheSameFileWaitsForTheFirstAndStoresNothing() throws {
        let first = try begin(try makeStore())
        _ = try addAll(to: first)
        let second = try makeStore()
        let outcome = beginInTheBackground(second)
        try waitUntilALockIsAwaited()
        let summary = try first.publish()
        XCTAssertEqual(summary.stored, count)
        guard case .alreadyImported(let at) = try outcome().get() else {
            return XCTFail("the second import finds the first")
        }
        let stored = try XCTUnwrap(Double(try strings("SELECT extract(epoch FROM imported_at)::text FROM import")[0]))
        XCTAssertEqual(stored, at.timeIntervalSince1970, accuracy: 0.001)
        XCTAssertEqual(try strings("SELECT count(*)::text FROM attempt"), ["\(count)"])
        XCTAssertEqual(try strings("SELECT count(*)::text FROM audit WHERE action = 'paper import'"), ["1"])
    }

    func testAnImportOfTheSameFileWaitingForOneThatFailsGoesOn() throws {
        var first: (any PaperImportStaging)? = try begin(try makeStore())
        try first?.add(studentID: "S1", line: 2, answers: red)
        let second = try makeStore()
        let outcome = beginInTheBackground(second)
        try waitUntilALockIsAwaited()
        first = nil
        guard case .staging(let staging) = try outcome().get() else {
            return XCTFail("the first import stored nothing: the second goes on")
        }
        try staging.add(studentID: "S2", line: 2, answers: calm)
        XCTAssertEqual(try staging.publish().stored, 1)
        XCTAssertEqual(try strings("SELECT student_id FROM attempt"), ["S2"])
    }

    /// Waits until a connection of the test's database waits for a lock (the second import, for the first's row).
    /// Begins an import of the same file on `store` on another thread; the function returned waits for it.
    private func beginInTheBackground(_ store: PostgresStore) -> () -> Result<PaperImportStart, StoreError> {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { [annual] in
            do throws(StoreError) {
                outcome.value = .success(try store.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h1"))
            } catch {
                outcome.value = .failure(error)
            }
            done.signal()
        }
        return {
            done.wait()
            return outcome.value!
        }
    }

    private func waitUntilALockIsAwaited() throws {
        for _ in 0..<600 {
            let waiting = try strings(
                "SELECT count(*)::text FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()"
            )
            if waiting != ["0"] { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("the second import never waited for the first")
    }
}

/// What the second import's thread got.
private final class Outcome: @unchecked Sendable {
    // Written by that thread before it signals, read after waiting for it.
    var value: Result<PaperImportStart, StoreError>?
}
