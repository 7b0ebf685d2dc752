import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

class RosterStoreTests: StoreTestCase {
    func testReimportMovesAStudentWithoutDuplicating() throws {
        let first = try store.importRoster([Self.student("S1", "张小明"), Self.student("S2", "李华")], source: "roster.csv")
        XCTAssertEqual(first.added, 2)
        let second = try store.importRoster(
            [Self.student("S1", "张小明", className: "2班"), Self.student("S2", "李华")], source: "roster.csv")
        XCTAssertEqual(second.added, 0)
        XCTAssertEqual(second.updated, 1)
        XCTAssertEqual(second.unchanged, 1)
        XCTAssertEqual(second.moved, [RosterMove(studentID: "S1", from: "一中/2026/1班", to: "一中/2026/2班")])
        let students = try store.students()
        XCTAssertEqual(students.map(\.studentID), ["S2", "S1"])  // sorted by class: S1 is now in 2班
        XCTAssertEqual(try store.student("s1")?.className, "2班")
    }

    func testTheDatabaseFileIsOwnerOnly() throws {
        guard Self.backend == .sqlite else { throw XCTSkip("a file's mode: SQLite only") }
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/test.sqlite")
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testEveryImportIsAudited() throws {
        _ = try store.importRoster([Self.student("S1")], source: "roster.csv")
        let trail = try store.auditTrail()
        XCTAssertEqual(trail.map(\.action), ["roster import"])
        XCTAssertEqual(trail.first?.user, "counselor")
        XCTAssertEqual(trail.first?.detail.english, "roster.csv: 1 students, 1 added, 0 updated (0 moved), 0 unchanged")
        XCTAssertEqual(trail.first?.detail.chinese, "roster.csv：1 名学生，新增 1，更新 0（其中调班 0），未变 0")
    }

    func testMaskedNames() {
        XCTAssertEqual(Self.student("S", "张小明").maskedName, "张*明")
        XCTAssertEqual(Self.student("S", "李华").maskedName, "李*")
        XCTAssertEqual(Self.student("S", "欧阳小明明").maskedName, "欧***明")
    }

    func testChineseStatuses() {
        XCTAssertEqual(EnrollmentStatus(roster: "在籍"), .enrolled)
        XCTAssertEqual(EnrollmentStatus(roster: "休学"), .leave)
        XCTAssertEqual(EnrollmentStatus(roster: "实习"), .internship)
        XCTAssertEqual(EnrollmentStatus(roster: "退学"), .withdrawn)
        XCTAssertEqual(EnrollmentStatus(roster: " Enrolled "), .enrolled)
        XCTAssertNil(EnrollmentStatus(roster: "graduated"))
    }
}
