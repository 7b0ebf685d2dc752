import Foundation
import PostgresNIO
import PsyScreen
@testable import PsyScreenPostgres
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// A counselor imports paper sheets on a shared server: their school's sheets are stored through row-level
/// security, another school's students are strangers to them (as if not on the roster), and nothing else changes.
final class PostgresCounselorImportTests: XCTestCase {
    private var database: PostgresTestDatabase!
    private var owner: PostgresLink!
    private let annual = Fixtures.catalog.battery("annual")!

    override func setUpWithError() throws {
        (database, owner) = try PostgresTestServer.makeSchoolDatabase(
            for: self,
            rows: PostgresTestServer.students("A1", "A2", "B1"))
    }

    private func strings(_ sql: String) throws -> [String] {
        try owner.query(PostgresQuery(unsafeSQL: sql)).map { row throws(PostgresFailure) in try row.column(0, at: owner.location)
        }
    }

    func testACounselorStoresTheirSchoolsSheetsAndAnotherSchoolsAreStrangers() throws {
        let login = try database.makeLogin("role")
        try PostgresSetup.grant(login.name, as: .counselor(school: "城东"), on: owner)
        let counselor = try PostgresStore(location: try PostgresTestServer.location(login.url), user: "os-user")
        guard
            case .staging(let staging) = try counselor.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h1")
        else { return XCTFail("a new file is staged") }
        let red = [Array(repeating: 3, count: 9), Array(repeating: 3, count: 7)]
        let calm = [Array(repeating: 0, count: 9), Array(repeating: 0, count: 7)]
        try staging.add(studentID: "A1", line: 2, answers: red)
        try staging.add(studentID: "B1", line: 3, answers: red)
        try staging.add(studentID: "A2", line: 4, answers: calm)
        let summary = try staging.publish()

        XCTAssertEqual(summary.stored, 2)
        XCTAssertEqual(summary.levels, [.red: 1, WarningLevel.none: 1])
        XCTAssertEqual(summary.strangers, [Stranger(line: 3, studentID: "B1", raisesCrisis: true)])
        XCTAssertEqual(
            try strings("SELECT student_id || ' ' || source_line || ' ' || level FROM attempt ORDER BY id"),
            ["A1 2 red", "A2 4 none"])
        XCTAssertEqual(
            try strings(
                "SELECT a.student_id || ' ' || split_part(l.line, E'\\t', 1) || ' ' || split_part(l.line, E'\\t', 7) FROM attempt a, unnest(string_to_array(a.results, E'\\n')) WITH ORDINALITY AS l(line, n) ORDER BY a.id, l.n"
            ),
            ["A1 phq9 3,3,3,3,3,3,3,3,3", "A1 gad7 3,3,3,3,3,3,3", "A2 phq9 0,0,0,0,0,0,0,0,0", "A2 gad7 0,0,0,0,0,0,0"])
        XCTAssertEqual(try strings("SELECT \"user\" || ' ' || action FROM audit"), ["\(login.name) paper import"])
    }
}
