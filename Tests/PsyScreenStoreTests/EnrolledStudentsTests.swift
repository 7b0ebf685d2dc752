import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// The students a stack of paper forms is printed for.
class EnrolledStudentsTests: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        _ = try store.importRoster(
            [
                Self.student("S9", "高梓", className: "2班"), Self.student("S3", "罗洋宇", className: "1班"),
                Self.student("S1", "徐然玲", className: "1班"), Self.student("S2", "李华", className: "1班", status: .leave),
                Self.student("S4", "王芳", className: "1班", status: .withdrawn),
                Self.student("S5", "赵磊", className: "1班", status: .internship),
                Self.student("T1", "陈晨", school: "二中", grade: "2025", className: "1班"),
            ], source: "roster.csv")
    }

    func testOnlyEnrolledStudentsInRosterOrder() throws {
        XCTAssertEqual(try store.enrolledStudents().map(\.studentID), ["S1", "S3", "S9", "T1"])
        XCTAssertEqual(try store.enrolledStudents(school: "一中", grade: nil, className: "1班").map(\.studentID), ["S1", "S3"])
        XCTAssertEqual(try store.enrolledStudents(school: nil, grade: nil, className: "1班").map(\.studentID), ["S1", "S3", "T1"])
        XCTAssertEqual(try store.enrolledStudents(school: nil, grade: "2025", className: nil).map(\.name), ["陈晨"])
        XCTAssertEqual(try store.enrolledStudents(school: nil, grade: nil, className: "9班"), [])
    }
}
