import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

final class RosterReaderTests: XCTestCase {
    func read(_ text: String, name: String = "roster.csv") throws -> [Student] {
        let directory = makeTemporaryDirectory()
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try RosterReader.read(try CSVReader(path: path))
    }

    func testChineseHeadersStatusesAndOptionalColumns() throws {
        let students = try read(
            "学号,姓名,学校,年级,班级,性别,状态,宿舍\nA1,张小明,一中,2026,1班,男,在籍,3-201\na2 ,李华,一中,2026,1班,女,休学,\nA3,王五,一中,2026,2班,男,实习,\n")
        XCTAssertEqual(students.map(\.studentID), ["A1", "A2", "A3"])
        XCTAssertEqual(students.map(\.status), [.enrolled, .leave, .internship])
        XCTAssertEqual(students[0].dorm, "3-201")
        XCTAssertNil(students[1].dorm)
    }

    func testABadRosterIsRefusedWholeWithEveryProblem() throws {
        let text = """
            student_id,name,school,grade,class,gender,status
            A1,张小明,一中,2026,1班,男,enrolled
            A2,,一中,2026,1班,女,enrolled
            A3,王五,一中,2026,2班,男,graduated
            A1,张小明,一中,2026,1班,男,enrolled
            A4,赵六,一中,2026
            """
        XCTAssertThrowsError(try read(text)) { error in
            XCTAssertEqual(
                (error as? InputError)?.diagnostics.map(\.description).map {
                    $0.replacingOccurrences(of: #"^.*/roster.csv"#, with: "roster.csv", options: .regularExpression)
                },
                [
                    "roster.csv:3:2: error: column name: empty",
                    "roster.csv:4:7: error: column status: 'graduated' is not a status (enrolled/在籍, leave/休学, internship/实习, withdrawn/退学)",
                    "roster.csv:5:1: error: column student_id: 'A1' is already on line 2",
                    "roster.csv:6: error: expected 7 fields, found 4",
                ])
        }
    }

    func testControlCharactersInIDsAndNamesAreRefusedByField() throws {
        // A NUL would cut `B7\0Z` to `B7` in the database; an escape would act on the terminal that shows it.
        let text =
            "student_id,name,school,grade,class,gender,status\nB7\u{0}Z,张小明,一中,2026,1班,男,enrolled\nB8,\"\u{1B}[2J王五\",一中,2026,1班,男,enrolled\n"
        XCTAssertThrowsError(try read(text)) { error in
            XCTAssertEqual(
                (error as? InputError)?.diagnostics.map(\.description).map {
                    $0.replacingOccurrences(of: #"^.*/roster.csv"#, with: "roster.csv", options: .regularExpression)
                },
                [
                    "roster.csv:2:1: error: column student_id: 'B7\\u{0}Z' contains the control character U+0000",
                    "roster.csv:3:2: error: column name: '\\u{1B}[2J王五' contains the control character U+001B",
                ])
        }
    }

    func testMissingColumnsAreReportedBeforeAnyRow() throws {
        XCTAssertThrowsError(try read("student_id,name,school\nA1,x,y\n")) { error in
            XCTAssertTrue(
                "\(error)".hasSuffix(
                    "roster.csv:1: error: the roster lacks columns grade, class, gender, status (needed: student_id, name, school, grade, class, gender, status)"
                ),
                "\(error)")
        }
    }
}
