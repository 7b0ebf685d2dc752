import Foundation
import GRDB
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// A listing of the whole roster takes each student's verdict from one pass over the wave's attempts, kept by the
/// student's row id; a listing of one class searches each student's attempts instead (SQLite only). Both must give
/// every student the same verdict and attempt, whatever the row ids and attempt ids, and the register must keep its
/// order (red first, then listing order).
final class WaveStandingsTests: XCTestCase {
    private var directory = ""
    private var store: SQLiteStore!
    private let annual = Fixtures.catalog.battery("annual")!
    private var path: String { directory + "/test.sqlite" }

    override func setUpWithError() throws {
        directory = Fixtures.temporaryDirectory("standings")
        store = try SQLiteStore(path: path, user: "counselor")
        // Three classes with IDs dealt across them: listing order is not ID order. Every tenth student on leave.
        let students = (0..<60).map { index in
            Student(
                studentID: String(format: "S%03d", index), name: "学生\(index)", school: "一中", grade: "2026",
                className: "\(index % 3)班", gender: "F", status: index % 10 == 9 ? .leave : .enrolled)
        }
        _ = try store.importRoster(students, source: "roster.csv")
        // First file: no sheet for IDs ending in 7; a crisis answer for multiples of 5; moderate, severe and calm
        // totals in turn; too many blanks (partial) for 11 and 22.
        let first = students.indices.filter { $0 % 10 != 7 }.map { index in
            var phq9: [Int?] = [[0, 0, 0, 0, 0, 0, 0, 0, 0], [2, 2, 2, 2, 2, 0, 0, 0, 0], [3, 3, 3, 3, 3, 3, 3, 0, 0]][index % 3]
            if index % 5 == 0 { phq9[8] = 2 }
            if index == 11 || index == 22 { phq9 = [1, nil, nil, nil, nil, nil, nil, nil, nil] }
            return PaperSheet(
                studentID: students[index].studentID, line: index + 2, answers: ["phq9": phq9, "gad7": [0, 0, 0, 0, 0, 0, 0]])
        }
        _ = try store.importPaper(wave: "w", battery: annual, path: "a.csv", fileHash: "h1", sheets: first)
        // Second file: calm sheets for multiples of 10 (red sticks) and for 4 (a later sheet replaces a severe one).
        let second = [0, 10, 20, 30, 4].map { index in
            PaperSheet(
                studentID: students[index].studentID, line: 2,
                answers: ["phq9": Array(repeating: 0, count: 9), "gad7": Array(repeating: 0, count: 7)])
        }
        _ = try store.importPaper(wave: "w", battery: annual, path: "b.csv", fileHash: "h2", sheets: second)
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testTheWholeRosterAgreesWithEachClassListing() throws {
        let all = try assertWholeListingAgreesWithClassListings()
        XCTAssertEqual(
            all.filter { $0.attempt == nil }.map(\.student.studentID), ["S027", "S057", "S007", "S037", "S017", "S047"])
        XCTAssertEqual(all.filter { $0.state == .partial }.map(\.student.studentID), ["S022", "S011"])
        let sticky = try XCTUnwrap(all.first { $0.student.studentID == "S010" })
        XCTAssertEqual(sticky.level, .red)
        XCTAssertEqual(sticky.attempt?.assessment.level, WarningLevel.none, "the latest sheet is calm")
        XCTAssertEqual(all.first { $0.student.studentID == "S004" }?.level, WarningLevel.none)
        try assertRegisterOrder(all)
    }

    func testAttemptIDsTooFarApartForFourBytes() throws {
        try rawWrite("UPDATE attempt SET id = id + 5000000000 WHERE student_id IN ('S004', 'S010', 'S013')")
        let all = try assertWholeListingAgreesWithClassListings()
        XCTAssertEqual(all.first { $0.student.studentID == "S010" }?.level, .red)
        XCTAssertGreaterThan(try XCTUnwrap(all.first { $0.student.studentID == "S013" }?.attempt?.id), 5_000_000_000)
        try assertRegisterOrder(all)
    }

    func testSparseRowIDs() throws {
        try rawWrite(
            """
            INSERT INTO student (rowid, student_id, name, school, grade, class, gender, status, updated_at)
            VALUES (900000, 'S900', '学生900', '一中', '2026', '1班', 'M', 'enrolled', '2026-09-01 08:00:00.000')
            """)
        let all = try assertWholeListingAgreesWithClassListings()
        XCTAssertEqual(all.count, 61)
        XCTAssertEqual(all.first { $0.student.studentID == "S900" }?.state, .notScreened)
        XCTAssertEqual(all.first { $0.student.studentID == "S010" }?.level, .red)
        try assertRegisterOrder(all)
    }

    /// A whole-roster listing reads its students' attempts a batch at a time, in id order (`AttemptBatch`): batches
    /// of every size must give each student their own attempt, in listing order, NULL columns included (an attempt
    /// still in progress has no finish time).
    func testBatchesOfAnySizeAgree() throws {
        try rawWrite("UPDATE attempt SET state = 'in_progress', finished_at = NULL WHERE student_id = 'S013'")
        let expected = try store.screenings(wave: "w")
        XCTAssertNil(try XCTUnwrap(expected.first { $0.student.studentID == "S013" }?.attempt).finishedAt)
        for size in [1, 2, 7, 53, 54, 1000] {
            store = try SQLiteStore(path: path, user: "counselor", listingBatch: size)
            XCTAssertEqual(try assertWholeListingAgreesWithClassListings(), expected, "batches of \(size)")
            try assertRegisterOrder(expected)
        }
    }

    /// A change made by hand, through a connection of its own.
    private func rawWrite(_ sql: String) throws {
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in try db.execute(sql: sql) }
        try raw.close()
    }

    /// The whole roster's listing, after checking it student by student against the listings of each class.
    @discardableResult
    private func assertWholeListingAgreesWithClassListings() throws -> [StudentScreening] {
        let all = try store.screenings(wave: "w")
        var byClass: [StudentScreening] = []
        for className in ["0班", "1班", "2班"] {
            try store.forEachScreening(wave: "w", units: RosterUnits(school: "一中", grade: "2026", className: className)) {
                byClass.append($0)
            }
        }
        XCTAssertEqual(all, byClass)
        var unscreened: [String] = []
        try store.forEachScreening(
            wave: "w", units: RosterUnits(enrolledOnly: true), withAttempts: false, where: { $1.state != .screened }
        ) {
            XCTAssertNil($0.attempt)
            unscreened.append($0.student.studentID)
        }
        XCTAssertEqual(
            unscreened, all.filter { $0.student.status == .enrolled && $0.state != .screened }.map(\.student.studentID))
        return all
    }

    /// Red first, then orange, then yellow, each in listing order; a sticky red explained by its red attempt.
    private func assertRegisterOrder(_ all: [StudentScreening]) throws {
        for levels in [[WarningLevel.red, .orange, .yellow], [.orange, .yellow], [.yellow]] {
            let expected = levels.flatMap { level in
                all.filter { $0.level == level && $0.attempt != nil }.map(\.student.studentID)
            }
            let register = try store.register(wave: "w", levels: Set(levels))
            XCTAssertEqual(register.map(\.student.studentID), expected, "\(levels)")
            XCTAssertFalse(expected.isEmpty)
            for entry in register {
                XCTAssertEqual(entry.attempt.studentID, entry.student.studentID)
                XCTAssertEqual(entry.attempt.assessment.level, entry.level, entry.student.studentID)
            }
        }
    }
}
