import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// A real SQLite file in a fresh temporary folder per test, and a small roster.
class StoreTestCase: XCTestCase {
    var directory = ""
    var store: SQLiteStore!
    let annual = Fixtures.catalog.battery("annual")!

    override func setUpWithError() throws {
        directory = Fixtures.temporaryDirectory("store")
        store = try SQLiteStore(path: directory + "/test.sqlite", user: "counselor")
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func student(_ id: String, _ name: String = "学生", school: String = "一中", grade: String = "2026", className: String = "1班", status: EnrollmentStatus = .enrolled) -> Student {
        Student(studentID: id, name: name, school: school, grade: grade, className: className, gender: "F", status: status)
    }

    /// PHQ-9 and GAD-7 answers for one sheet.
    static func sheet(_ id: String, line: Int = 2, phq9: [Int?] = Array(repeating: 0, count: 9), gad7: [Int?] = Array(repeating: 0, count: 7)) -> PaperSheet {
        PaperSheet(studentID: id, line: line, answers: ["phq9": phq9, "gad7": gad7])
    }
}
