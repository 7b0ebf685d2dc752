import Foundation
import GRDB
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// A stored value this version does not know fails the read with its column named, instead of defaulting (an
/// unknown level read as `none` would hide a student from the register).
final class StoredValueTests: StoreTestCase {
    /// Writes `sql` past the schema's CHECK constraints, as a damaged file or a newer version could have it.
    private func corrupt(_ sql: String) throws {
        let queue = try DatabaseQueue(path: directory + "/test.sqlite")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
    }

    override func setUpWithError() throws {
        try super.setUpWithError()
        _ = try store.importRoster([Self.student("S1"), Self.student("S2")], source: "roster.csv")
        _ = try store.importPaper(
            wave: "w", battery: annual, path: "p.csv", fileHash: "h", sheets: [Self.sheet("S1"), Self.sheet("S2")])
    }

    func testAnUnknownLevelFailsEveryReadOfTheWave() throws {
        try corrupt("UPDATE attempt SET level = 'purple' WHERE student_id = 'S1'")
        let message = "attempt.level holds 'purple', which this version of psyscreen does not know"
        for read in [
            { _ = try self.store.register(wave: "w") }, { _ = try self.store.coverage(wave: "w", by: .school) },
            { _ = try self.store.cohortTables(wave: "w", columns: CohortColumn.columns(of: self.annual.instruments)) },
        ] {
            XCTAssertThrowsError(try read()) { XCTAssertTrue("\($0)".contains(message), "\($0)") }
        }
    }

    func testAnUnknownEnrollmentStatusFailsTheRead() throws {
        try corrupt("UPDATE student SET status = 'graduated' WHERE student_id = 'S2'")
        let message = "student.status holds 'graduated'"
        XCTAssertThrowsError(try store.screenings(wave: "w")) { XCTAssertTrue("\($0)".contains(message), "\($0)") }
        XCTAssertThrowsError(try store.cohortTables(wave: "w", columns: CohortColumn.columns(of: annual.instruments))) {
            XCTAssertTrue("\($0)".contains(message), "\($0)")
        }
    }
}
