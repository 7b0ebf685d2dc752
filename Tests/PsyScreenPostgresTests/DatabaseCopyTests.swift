import Foundation
import PostgresNIO
import PsyScreen
@testable import PsyScreenPostgres
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// `db copy` moves a school's database from a SQLite file to PostgreSQL and back with every row of every table.
final class DatabaseCopyTests: XCTestCase {
    func testASchoolMovesToPostgresAndBackWithEveryTableEqual() throws {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let folder = scratchFolder()
        let laptop = try SQLiteStore(path: folder + "/laptop.sqlite", user: "counselor")
        try Self.fill(laptop)
        let server = try PostgresStore(location: PostgresTestServer.location(database.url), user: "admin")
        let counts = try DatabaseCopy.run(from: laptop, to: server)
        XCTAssertEqual(counts.map(\.table), StoreTables.all.map(\.name))
        XCTAssertTrue(counts.allSatisfy { $0.rows > 0 }, "every table has rows: \(counts)")
        let back = try SQLiteStore(path: folder + "/back.sqlite", user: "counselor")
        XCTAssertEqual(try DatabaseCopy.run(from: server, to: back).map(\.rows), counts.map(\.rows))
        for table in StoreTables.all {
            let original = try Self.rows(laptop, table)
            XCTAssertEqual(original, try Self.rows(server, table), table.name)
            XCTAssertEqual(original, try Self.rows(back, table), table.name)
        }
        // The release compares on the other store: fingerprints are written alike by both.
        XCTAssertEqual(try server.releaseState(wave: "w"), .closed)
        XCTAssertEqual(try back.releaseState(wave: "w"), .closed)
        // The counters continue after the copied rows: a new attempt gets the next id on both.
        let battery = Fixtures.catalog.battery("annual")!
        let next = try back.startTerminalAttempt(wave: "w", studentID: "S2", battery: battery, consented: true)
        XCTAssertEqual(try server.startTerminalAttempt(wave: "w", studentID: "S2", battery: battery, consented: true), next)
    }

    func testATargetWithDataIsRefusedAndAFailedCopyLeavesNothing() throws {
        let database = try PostgresTestServer.makeDatabase(for: self)
        let folder = scratchFolder()
        let laptop = try SQLiteStore(path: folder + "/laptop.sqlite", user: "counselor")
        try Self.fill(laptop)
        let server = try PostgresStore(location: PostgresTestServer.location(database.url), user: "admin")
        _ = try server.importRoster([Self.student("X1")], source: "other.csv")
        XCTAssertThrowsError(try DatabaseCopy.run(from: laptop, to: server)) { error in
            XCTAssertEqual(
                "\(error)", "\(server.path): error: already holds data (student, audit): copy into a new, empty database")
        }
        XCTAssertThrowsError(try DatabaseCopy.run(from: server, to: laptop)) { error in
            XCTAssertTrue("\(error)".hasSuffix("copy into a new, empty database"), "\(error)")
        }
        // A source that fails half-way: the target keeps nothing.
        let empty = try PostgresStore(
            location: PostgresTestServer.location(PostgresTestServer.makeDatabase(for: self).url), user: "admin")
        XCTAssertThrowsError(try DatabaseCopy.run(from: FailingSource(laptop), to: empty))
        XCTAssertEqual(try empty.tablesWithRows(), [])
    }

    static func student(_ id: String, school: String = "一中") -> Student {
        Student(
            studentID: id, name: "学生\(id)", school: school, grade: "2026", className: "1班", gender: "女", status: .enrolled,
            campus: nil, major: id == "S1" ? "护理" : nil)
    }

    /// Every table: two students, a paper import, a terminal sitting with a crisis answer, a refusal, a
    /// follow-up with awkward text, an export line.
    static func fill(_ store: SQLiteStore) throws {
        let battery = Fixtures.catalog.battery("annual")!
        _ = try store.importRoster([student("S1"), student("S2"), student("S3", school: "二中")], source: "roster.csv")
        _ = try store.importPaper(
            wave: "w", battery: battery, path: "paper.csv", fileHash: "h1",
            sheets: [
                PaperSheet(
                    studentID: "S1", line: 2, answers: ["phq9": [1, 2, nil, 3, 0, 1, 2, 3, 1], "gad7": [0, 1, 2, 3, 0, 1, 2]])
            ])
        let attempt = try store.startTerminalAttempt(wave: "w", studentID: "S3", battery: battery, consented: true)
        try store.saveAnswer(attemptID: attempt, battery: battery, instrumentID: "phq9", itemID: "9", value: 2, seconds: 3.25)
        try store.saveAnswer(attemptID: attempt, battery: battery, instrumentID: "phq9", itemID: "1", value: nil, seconds: 0.5)
        try store.finishAttempt(attemptID: attempt, battery: battery)
        _ = try store.startTerminalAttempt(wave: "w", studentID: "S2", battery: battery, consented: false)
        _ = try store.recordFollowUp(studentID: "S1", wave: "w", status: .contacted, note: "电话\t家长\\说 \"好\"\n明天")
        try store.recordExport(.results(wave: "w"), path: "r.csv", rows: 3)
        _ = try store.closeWave("w", threshold: .standard, pattern: Data(#"{"pattern":[]}"#.utf8))
    }

    static func rows(_ store: some TableSource, _ table: StoreTables.Table) throws -> [[StoredCell]] {
        var rows: [[StoredCell]] = []
        try store.readTables { forEachRow in try forEachRow(table) { rows.append($0) } }
        return rows
    }
}

/// A source whose `attempt` table fails after its first row.
private struct FailingSource: TableSource {
    let base: SQLiteStore
    init(_ base: SQLiteStore) { self.base = base }

    func readTables(_ body: (_ forEachRow: TableRows) throws -> Void) throws(StoreError) {
        try base.readTables { forEachRow in
            try withoutActuallyEscaping(forEachRow) { forEachRow in
                try body { table, handle in
                    try withoutActuallyEscaping(handle) { handle in
                        try forEachRow(table) { cells in
                            try handle(cells)
                            if table.name == "attempt" {
                                throw StoreError(path: "source", .other(LocalizedText(libraryText: "read failed")))
                            }
                        }
                    }
                }
            }
        }
    }
}
