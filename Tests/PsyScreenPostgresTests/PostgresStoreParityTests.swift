import Foundation
import PostgresNIO
import PsyScreen
@testable import PsyScreenPostgres
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// The PostgreSQL store answers every question as the SQLite store does, on the same data written the same way.
final class PostgresStoreParityTests: XCTestCase {
    let annual = Fixtures.catalog.battery("annual")!

    func testTheSameWaveReadsTheSameOnBothStores() throws {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let folder = scratchFolder()
        let ticks = Ticks()
        let clock: @Sendable () -> Date = { ticks.next() }
        let sqlite = try SQLiteStore(path: folder + "/school.sqlite", user: "counselor", clock: clock)
        let postgres = try PostgresStore(location: PostgresTestServer.location(database.url), user: "counselor", clock: clock)
        let wave = TwoSchoolWave()
        let sheets =
            wave.answers.sorted { $0.key < $1.key }.enumerated().map { index, entry in
                PaperSheet(studentID: entry.key, line: index + 2, answers: entry.value)
            } + [PaperSheet(studentID: "NOBODY", line: 999, answers: [:])]
        var moved = wave.students
        moved[0].className = "2025级2班"

        ticks.reset()
        let rosterA = try sqlite.importRoster(wave.students, source: "roster.csv")
        let paperA = try sqlite.importPaper(wave: "w", battery: annual, path: "paper.csv", fileHash: "abc", sheets: sheets)
        let againA = try sqlite.importPaper(wave: "w", battery: annual, path: "paper.csv", fileHash: "abc", sheets: sheets)
        let updateA = try sqlite.importRoster(moved, source: "roster2.csv")
        ticks.reset()
        let rosterB = try postgres.importRoster(wave.students, source: "roster.csv")
        let paperB = try postgres.importPaper(wave: "w", battery: annual, path: "paper.csv", fileHash: "abc", sheets: sheets)
        let againB = try postgres.importPaper(wave: "w", battery: annual, path: "paper.csv", fileHash: "abc", sheets: sheets)
        let updateB = try postgres.importRoster(moved, source: "roster2.csv")
        XCTAssertEqual(rosterA, rosterB)
        XCTAssertEqual(paperA, paperB)
        XCTAssertEqual(againA, againB)
        XCTAssertNotNil(againB.alreadyImportedAt)
        XCTAssertEqual(updateA, updateB)
        XCTAssertEqual(updateB.moved.count, 1)

        // A terminal sitting: a crisis answer, changed, then finished; and a refusal.
        let unscreened = try XCTUnwrap(wave.students.first { wave.answers[$0.studentID] == nil })
        let refusing = try XCTUnwrap(wave.students.last { wave.answers[$0.studentID] == nil })
        for store in [sqlite as AnyObject, postgres as AnyObject] {
            ticks.reset()
            let terminal = TerminalOperations(store)
            XCTAssertNotNil(try terminal.lookUp("w", unscreened.studentID, annual))
            let attempt = try terminal.start("w", unscreened.studentID, annual, true)
            var crisis = try terminal.save(attempt, annual, "phq9", "9", 2, 4)
            XCTAssertEqual(crisis.assessment.level, .red)
            crisis = try terminal.save(attempt, annual, "phq9", "9", 0, 3)
            XCTAssertEqual(crisis.assessment.level, .red, "red sticks")
            for item in 1...8 { try terminal.save(attempt, annual, "phq9", "\(item)", 1, 2.5) }
            try terminal.save(attempt, annual, "gad7", "1", nil, 1)
            let finished = try terminal.finish(attempt, annual)
            XCTAssertEqual(finished.assessment.level, .red)
            _ = try terminal.start("w", refusing.studentID, annual, false)
        }

        XCTAssertEqual(try sqlite.students(), try postgres.students())
        assertSame(try sqlite.screenings(wave: "w"), try postgres.screenings(wave: "w"))
        assertSame(try sqlite.register(wave: "w"), try postgres.register(wave: "w"))
        assertSame(try sqlite.register(wave: "w", levels: [.red]), try postgres.register(wave: "w", levels: [.red]))
        for level in [CoverageTable.Level.school, .grade, .class] {
            XCTAssertEqual(try sqlite.coverage(wave: "w", by: level), try postgres.coverage(wave: "w", by: level))
        }
        let columns = CohortColumn.columns(of: annual.instruments)
        XCTAssertEqual(
            try sqlite.cohortTables(wave: "w", columns: columns), try postgres.cohortTables(wave: "w", columns: columns))
        XCTAssertEqual(
            try sqlite.batteries(inWave: "w").map { "\($0.id) \($0.version)" },
            try postgres.batteries(inWave: "w").map { "\($0.id) \($0.version)" })
        XCTAssertEqual(try sqlite.waves(), try postgres.waves())
        XCTAssertEqual(try sqlite.waveExists("w"), try postgres.waveExists("w"))
        XCTAssertEqual(try sqlite.history(studentID: unscreened.studentID), try postgres.history(studentID: unscreened.studentID))
        XCTAssertEqual(
            try sqlite.enrolledStudents(school: TwoSchoolWave.schools[1], grade: "2026"),
            try postgres.enrolledStudents(school: TwoSchoolWave.schools[1], grade: "2026"))

        ticks.reset()
        let stepA = try sqlite.recordFollowUp(studentID: unscreened.studentID, wave: "w", status: .contacted, note: "电话\t家长")
        ticks.reset()
        let stepB = try postgres.recordFollowUp(studentID: unscreened.studentID, wave: "w", status: .contacted, note: "电话\t家长")
        XCTAssertEqual(stepA, stepB)
        assertSame(try sqlite.register(wave: "w"), try postgres.register(wave: "w"))
        XCTAssertThrowsError(try postgres.recordFollowUp(studentID: "NOBODY", wave: "w", status: .closed, note: nil)) {
            XCTAssertEqual("\($0)", "\(postgres.path): error: no student 'NOBODY' on the roster")
        }
        try sqlite.recordExport(.results(wave: "w"), path: "r.csv", rows: 3)
        try postgres.recordExport(.results(wave: "w"), path: "r.csv", rows: 3)
        // Every line an event both stores keep as psyscreen does (the terminal's too, written by its functions).
        XCTAssertEqual(try postgres.auditTrail().filter { $0.event == nil }.map(\.storedDetail), [])
        XCTAssertEqual(
            try sqlite.auditTrail().map { "\($0.user) \($0.action) \($0.detail.english) \($0.detail.chinese)" },
            try postgres.auditTrail().map { "\($0.user) \($0.action) \($0.detail.english) \($0.detail.chinese)" })
    }
}

/// Equal lists, or the first element that differs.
func assertSame<T: Equatable>(_ left: [T], _ right: [T], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(left.count, right.count, "counts", file: file, line: line)
    if let index = Array(zip(left, right)).firstIndex(where: { $0.0 != $0.1 }) {
        XCTFail("first difference at \(index):\n\(left[index])\n\(right[index])", file: file, line: line)
    }
}

/// A clock for two stores written the same way.
final class Ticks: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func reset() { lock.withLock { count = 0 } }
    func next() -> Date {
        lock.withLock {
            count += 1
            // Every call the same time: the stores ask for the time at different moments of an operation.
            return Date(timeIntervalSince1970: 1_790_000_000.123)
        }
    }
}

/// The terminal operations of either store, until they share a protocol.
struct TerminalOperations {
    let store: AnyObject
    init(_ store: AnyObject) { self.store = store }

    func lookUp(_ wave: String, _ id: String, _ battery: Battery) throws -> StudentLookup? {
        if let store = store as? PostgresStore { return try store.lookUp(wave: wave, studentID: id, battery: battery) }
        let store = store as! SQLiteStore
        guard let student = try store.student(id) else { return nil }
        let latest = try store.latestAttempt(wave: wave, studentID: id)
        return StudentLookup(
            student: student, latestAttempt: latest,
            answeredItems: try latest.map { try store.answeredItems(attemptID: $0.id) } ?? [])
    }

    func start(_ wave: String, _ id: String, _ battery: Battery, _ consented: Bool) throws -> Int64 {
        if let store = store as? PostgresStore {
            return try store.startTerminalAttempt(wave: wave, studentID: id, battery: battery, consented: consented)
        }
        return try (store as! SQLiteStore).startTerminalAttempt(wave: wave, studentID: id, battery: battery, consented: consented)
    }

    @discardableResult
    func save(
        _ attempt: Int64, _ battery: Battery, _ instrument: String, _ item: String, _ value: Int?, _ seconds: Double
    ) throws -> BatteryScorer.Outcome {
        if let store = store as? PostgresStore {
            return try store.saveAnswer(
                attemptID: attempt, battery: battery, instrumentID: instrument, itemID: item, value: value, seconds: seconds)
        }
        return try (store as! SQLiteStore).saveAnswer(
            attemptID: attempt, battery: battery, instrumentID: instrument, itemID: item, value: value, seconds: seconds)
    }

    func finish(_ attempt: Int64, _ battery: Battery) throws -> BatteryScorer.Outcome {
        if let store = store as? PostgresStore { return try store.finishAttempt(attemptID: attempt, battery: battery) }
        return try (store as! SQLiteStore).finishAttempt(attemptID: attempt, battery: battery)
    }
}

/// A lock held by another connection longer than the store waits is "busy", as SQLite's busy database: `take`
/// tells the student the answer is being saved and tries again, and the answer is then stored.
final class PostgresBusyTests: XCTestCase {
    let annual = Fixtures.catalog.battery("annual")!

    func testALockHeldElsewhereIsBusyAndTheAnswerIsStoredOnceReleased() throws {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let location = try PostgresTestServer.location(database.url)
        let store = try PostgresStore(location: location, user: "lab", lockTimeout: 0.2)
        _ = try store.importRoster(
            [Student(studentID: "S1", name: "学生", school: "一中", grade: "2026", className: "1班", gender: "F", status: .enrolled)],
            source: "roster.csv")
        let attempt = try store.startTerminalAttempt(wave: "w", studentID: "S1", battery: annual, consented: true)
        _ = try store.lookUp(wave: "w", studentID: "S1", battery: annual)
        // Another connection (a backup, an upgrade) holds the answers table.
        let other = try database.superuser()
        try other.script("BEGIN; LOCK TABLE answer IN ACCESS EXCLUSIVE MODE")
        XCTAssertThrowsError(
            try store.saveAnswer(attemptID: attempt, battery: annual, instrumentID: "phq9", itemID: "1", value: 2, seconds: 3)
        ) { error in
            XCTAssertTrue((error as? StoreError)?.isBusy == true, "\(error)")
        }
        try other.script("ROLLBACK")
        try store.saveAnswer(attemptID: attempt, battery: annual, instrumentID: "phq9", itemID: "1", value: 2, seconds: 3)
        XCTAssertEqual(try store.screenings(wave: "w").first?.attempt?.answers["phq9"]?.first, 2)
    }
}
