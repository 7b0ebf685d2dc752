import Foundation
import PsyScreen
import PsyScreenPostgres
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// Which store a store test runs on.
enum StoreBackend {
    /// A real SQLite file in a fresh temporary folder.
    case sqlite
    /// A fresh database on the test server (`PSYSCREEN_TEST_POSTGRES`; skipped without it), as its owner.
    case postgres
}

/// One behaviour suite for both stores: every test runs on a SQLite file, and again on PostgreSQL in the class's
/// `…OnPostgres` subclass (OnPostgres.swift), through the one ``ScreeningStore`` protocol.
class StoreTestCase: XCTestCase {
    class var backend: StoreBackend { .sqlite }
    var directory = ""
    var store: (any ScreeningStore)!
    let annual = Fixtures.catalog.battery("annual")!
    private var database: PostgresTestDatabase?

    override func setUpWithError() throws {
        directory = Fixtures.temporaryDirectory("store")
        store = try makeStore(user: "counselor")
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A store on this test's database (the same one each call), as `user`.
    func makeStore(user: String, clock: @escaping @Sendable () -> Date = Date.init) throws -> any ScreeningStore {
        switch Self.backend {
        case .sqlite:
            return try SQLiteStore(path: directory + "/test.sqlite", user: user, clock: clock)
        case .postgres:
            if database == nil { database = try PostgresTestServer.makeDatabase(for: self) }
            return try PostgresStore(location: PostgresTestServer.location(database!.url), user: user, clock: clock)
        }
    }

    static func student(
        _ id: String, _ name: String = "学生", school: String = "一中", grade: String = "2026", className: String = "1班",
        status: EnrollmentStatus = .enrolled
    ) -> Student {
        Student(studentID: id, name: name, school: school, grade: grade, className: className, gender: "F", status: status)
    }

    /// PHQ-9 and GAD-7 answers for one sheet.
    static func sheet(
        _ id: String, line: Int = 2, phq9: [Int?] = Array(repeating: 0, count: 9), gad7: [Int?] = Array(repeating: 0, count: 7)
    ) -> PaperSheet {
        PaperSheet(studentID: id, line: line, answers: ["phq9": phq9, "gad7": gad7])
    }

    /// The attempt that counts for `studentID` in `wave`, as a counselor reads it.
    func counting(_ studentID: String, wave: String = "w") throws -> ScreeningAttempt? {
        try store.screenings(wave: wave).first { $0.student.studentID == studentID }?.attempt
    }
}
