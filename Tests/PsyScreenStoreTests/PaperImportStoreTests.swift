import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

class PaperImportStoreTests: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        _ = try store.importRoster(
            [
                Self.student("S1"), Self.student("S2"), Self.student("S3", status: .leave),
                Self.student("S4", status: .internship), Self.student("S5"), Self.student("S6", className: "2班"),
            ], source: "roster.csv")
    }

    func testImportingTheSameFileTwiceChangesNothing() throws {
        let sheets = [Self.sheet("S1"), Self.sheet("S2")]
        let first = try store.importPaper(wave: "2026-autumn", battery: annual, path: "a.csv", fileHash: "h1", sheets: sheets)
        XCTAssertEqual(first.stored, 2)
        XCTAssertNil(first.alreadyImportedAt)
        let again = try store.importPaper(wave: "2026-autumn", battery: annual, path: "a.csv", fileHash: "h1", sheets: sheets)
        XCTAssertNotNil(again.alreadyImportedAt)
        XCTAssertEqual(again.stored, 0)
        XCTAssertEqual(try store.screenings(wave: "2026-autumn").compactMap(\.attempt).count, 2)
        XCTAssertEqual(try store.auditTrail().filter { $0.action == "paper import" }.count, 1)
    }

    func testStagedSheetsAreSeenOnlyOncePublishedAndDroppedOnesNever() throws {
        guard case .staging(let staging) = try store.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h1")
        else { return XCTFail("a new file is staged") }
        let red = [Array(repeating: 3, count: 9), Array(repeating: 3, count: 7)]
        let calm = [Array(repeating: 0, count: 9), Array(repeating: 0, count: 7)]
        try staging.add(studentID: "S1", line: 2, answers: red)
        let repeated = try staging.add(studentID: "S2", line: 3, answers: red)
        try staging.add(studentID: "S5", line: 4, answers: calm)
        try staging.add(studentID: "NOBODY", line: 5, answers: red)
        try staging.drop(repeated)
        // Another connection (a counselor at another desk) sees nothing of it yet.
        let other = try makeStore(user: "other")
        XCTAssertEqual(try other.screenings(wave: "w").compactMap(\.attempt).count, 0)
        XCTAssertEqual(try other.register(wave: "w").count, 0)
        XCTAssertEqual(try other.auditTrail().filter { $0.action == "paper import" }.count, 0)

        let summary = try staging.publish()
        XCTAssertEqual(summary.stored, 2)
        XCTAssertEqual(summary.levels, [.red: 1, WarningLevel.none: 1])
        XCTAssertEqual(summary.strangers, [Stranger(line: 5, studentID: "NOBODY", raisesCrisis: true)])
        var listed: [String] = []
        try other.forEachScreening(wave: "w", where: { _, counting in counting.attemptID != nil }) {
            listed.append($0.student.studentID)
        }
        XCTAssertEqual(listed, ["S1", "S5"])
        XCTAssertEqual(try other.register(wave: "w").map(\.student.studentID), ["S1"])
        XCTAssertEqual(try other.firstBattery(wave: "w"), "annual")
        XCTAssertEqual(try other.screenings(wave: "w").first { $0.student.studentID == "S1" }?.attempt?.answers["gad7"], red[1])
        guard case .alreadyImported = try store.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h1")
        else { return XCTFail("the same file again is already imported") }
    }

    func testListingsStreamEveryStudentInRosterOrderWhateverTheirNumber() throws {
        // More students than one fetch of the PostgreSQL cursor (500), in two schools and several classes.
        let many = (0..<1203).map { index in
            Self.student(String(format: "M%04d", 1203 - index), school: index % 2 == 0 ? "一中" : "二中", className: "\(index % 3)班")
        }
        _ = try store.importRoster(many, source: "roster.csv")
        let sheets = many.enumerated().filter { $0.offset % 4 == 0 }.map { Self.sheet($0.element.studentID, line: $0.offset + 2) }
        _ = try store.importPaper(wave: "w", battery: annual, path: "a.csv", fileHash: "h1", sheets: sheets)
        let all = try store.screenings(wave: "w")
        XCTAssertEqual(all.count, 1209)
        XCTAssertEqual(
            all.map(\.student),
            all.map(\.student).sorted {
                ($0.school, $0.grade, $0.className, $0.studentID) < ($1.school, $1.grade, $1.className, $1.studentID)
            })
        var streamed: [StudentScreening] = []
        try store.forEachScreening(wave: "w") { streamed.append($0) }
        XCTAssertEqual(streamed.map(\.student.studentID), all.map(\.student.studentID))
        XCTAssertEqual(streamed.compactMap(\.attempt?.id), all.compactMap(\.attempt?.id))
        XCTAssertEqual(streamed.compactMap(\.attempt).count, sheets.count)
        var oneClass: [String] = []
        try store.forEachScreening(wave: "w", units: RosterUnits(school: "二中", className: "1班"), withAttempts: false) {
            XCTAssertNil($0.attempt)
            oneClass.append($0.student.studentID)
        }
        XCTAssertEqual(
            oneClass, all.filter { $0.student.school == "二中" && $0.student.className == "1班" }.map(\.student.studentID))
        XCTAssertEqual(oneClass.count, 201)
    }

    func testAnImportNeverPublishedLeavesNothing() throws {
        do {
            guard
                case .staging(let staging) = try store.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h1")
            else { return XCTFail("a new file is staged") }
            try staging.add(studentID: "S1", line: 2, answers: [Array(repeating: 3, count: 9), Array(repeating: 3, count: 7)])
            // Stopped by an error in the file: never published.
        }
        XCTAssertEqual(try store.screenings(wave: "w").compactMap(\.attempt).count, 0)
        XCTAssertEqual(try store.register(wave: "w").count, 0)
        guard case .staging(let again) = try store.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h1")
        else { return XCTFail("the file was never imported") }
        try again.add(studentID: "S2", line: 2, answers: [Array(repeating: 0, count: 9), Array(repeating: 0, count: 7)])
        XCTAssertEqual(try again.publish().stored, 1)
        XCTAssertEqual(try store.screenings(wave: "w").compactMap(\.attempt).map(\.studentID), ["S2"])
    }

    func testASecondSheetBecomesTheAttemptThatCounts() throws {
        _ = try store.importPaper(
            wave: "w", battery: annual, path: "a.csv", fileHash: "h1",
            sheets: [Self.sheet("S1", phq9: [3, 3, 3, 3, 0, 0, 0, 0, 0])])
        _ = try store.importPaper(
            wave: "w", battery: annual, path: "b.csv", fileHash: "h2",
            sheets: [Self.sheet("S1", phq9: [1, 1, 0, 0, 0, 0, 0, 0, 0])])
        let history = try XCTUnwrap(try store.history(studentID: "S1"))
        XCTAssertEqual(history.attempts.count, 2)
        let latest = try XCTUnwrap(try store.screenings(wave: "w").first { $0.student.studentID == "S1" }?.attempt)
        XCTAssertEqual(latest.result("phq9")?.scale("total")?.score, 2)
        XCTAssertEqual(latest.answers["phq9"], [1, 1, 0, 0, 0, 0, 0, 0, 0])
    }

    /// Sheets are written many to a statement: each stored attempt must still be its own sheet's, whatever the
    /// strangers and dropped sheets between them.
    func testEverySheetKeepsItsOwnAnswersAcrossManySheetsStrangersAndDrops() throws {
        _ = try store.importRoster((1...60).map { Self.student("S\($0)") }, source: "roster.csv")
        guard case .staging(let staging) = try store.beginPaperImport(wave: "w", battery: annual, path: "a.csv", fileHash: "h")
        else { return XCTFail("a new file is staged") }
        // Sheet n answers n % 4 to the first PHQ-9 item and n % 3 to the first GAD-7 one; every seventh is a stranger.
        var expected: [String: (phq9: Int, gad7: Int)] = [:]
        var strangers: [Stranger] = []
        var toDrop: Int?
        for number in 1...53 {
            let id = number % 7 == 0 ? "X\(number)" : "S\(number)"
            let phq9 = [number % 4] + Array(repeating: 0, count: 8), gad7 = [number % 3] + Array(repeating: 0, count: 6)
            let sheet = try staging.add(studentID: id, line: number + 1, answers: [phq9, gad7])
            if number % 7 == 0 {
                strangers.append(Stranger(line: number + 1, studentID: id))
            } else {
                expected[id] = (number % 4, number % 3)
            }
            if number == 20 { toDrop = sheet }
        }
        try staging.drop(try XCTUnwrap(toDrop))
        expected["S20"] = nil
        let summary = try staging.publish()
        XCTAssertEqual(summary.stored, expected.count)
        XCTAssertEqual(summary.strangers, strangers)
        let stored = try store.screenings(wave: "w").compactMap(\.attempt)
        XCTAssertEqual(stored.count, expected.count)
        for attempt in stored {
            let want = try XCTUnwrap(expected[attempt.studentID], attempt.studentID)
            XCTAssertEqual(attempt.answers["phq9"]?.first, want.phq9, attempt.studentID)
            XCTAssertEqual(attempt.answers["gad7"]?.first, want.gad7, attempt.studentID)
            XCTAssertEqual(attempt.result("phq9")?.scale("total")?.score, Double(want.phq9), attempt.studentID)
            XCTAssertEqual(attempt.result("gad7")?.scale("total")?.score, Double(want.gad7), attempt.studentID)
        }
    }

    func testStrangersAreReportedAndNotStored() throws {
        let summary = try store.importPaper(
            wave: "w", battery: annual, path: "a.csv", fileHash: "h", sheets: [Self.sheet("S1"), Self.sheet("X9", line: 3)])
        XCTAssertEqual(summary.strangers, [Stranger(line: 3, studentID: "X9")])
        XCTAssertEqual(summary.stored, 1)
        XCTAssertNil(try store.history(studentID: "X9"))
    }

    func testItem9EndorsedWithTooManyBlanksIsRed() throws {
        let phq9: [Int?] = [nil, nil, nil, nil, nil, nil, nil, nil, 2]
        _ = try store.importPaper(
            wave: "w", battery: annual, path: "a.csv", fileHash: "h", sheets: [Self.sheet("S2", phq9: phq9)])
        let register = try store.register(wave: "w")
        XCTAssertEqual(register.map(\.student.studentID), ["S2"])
        XCTAssertEqual(register.first?.level, .red)
        XCTAssertEqual(register.first?.reasons.map(\.code), ["phq9 flag item9"])
        XCTAssertEqual(register.first?.followUpStatus, .new)
        XCTAssertEqual(register.first?.attempt.result("phq9")?.status, .unscored)
        // Unscored: partial in coverage, not screened.
        let total = try XCTUnwrap(try store.coverage(wave: "w", by: .school).last)
        XCTAssertEqual(total.screened, 0)
        XCTAssertEqual(total.partial, 1)
    }

    func testCoverageWithLeaveAndInternshipNeverAbove100() throws {
        // Everyone screened, including the students on leave and on internship.
        _ = try store.importPaper(
            wave: "w", battery: annual, path: "a.csv", fileHash: "h",
            sheets: ["S1", "S2", "S3", "S4", "S5", "S6"].map { Self.sheet($0) })
        let rows = try store.coverage(wave: "w", by: .class)
        XCTAssertEqual(rows.count, 3)
        let class1 = rows[0]
        XCTAssertEqual([class1.school, class1.grade, class1.className], ["一中", "2026", "1班"])
        XCTAssertEqual(class1.enrolled, 3)
        XCTAssertEqual(class1.screened, 3)
        XCTAssertEqual(class1.coveragePercent, 100)
        XCTAssertEqual(class1.onLeave, 1)
        XCTAssertEqual(class1.onInternship, 1)
        let total = rows[2]
        XCTAssertTrue(total.isTotal)
        XCTAssertEqual(total.enrolled, 4)
        XCTAssertEqual(total.screened, 4)
        XCTAssertEqual(total.coveragePercent, 100)
    }

    func testCoveragePercentHasOneDecimal() throws {
        _ = try store.importPaper(wave: "w", battery: annual, path: "a.csv", fileHash: "h", sheets: [Self.sheet("S1")])
        let total = try XCTUnwrap(try store.coverage(wave: "w", by: .school).last)
        XCTAssertEqual(total.enrolled, 4)
        XCTAssertEqual(total.coveragePercent, 25)
        XCTAssertEqual(total.notScreened, 3)
        _ = try store.importRoster([Self.student("S7"), Self.student("S8")], source: "more.csv")
        XCTAssertEqual(try store.coverage(wave: "w", by: .school).last?.coveragePercent, 16.7)
    }

    func testFollowUpsAreAddedNeverOverwritten() throws {
        _ = try store.importPaper(
            wave: "w", battery: annual, path: "a.csv", fileHash: "h",
            sheets: [Self.sheet("S1", phq9: [0, 0, 0, 0, 0, 0, 0, 0, 1])])
        _ = try store.recordFollowUp(studentID: "S1", wave: "w", status: .contacted, note: "班主任已联系")
        _ = try store.recordFollowUp(studentID: "S1", wave: "w", status: .counseling, note: nil)
        XCTAssertEqual(try store.register(wave: "w").first?.followUpStatus, .counseling)
        XCTAssertEqual(try store.history(studentID: "S1")?.followUps.map(\.status), [.contacted, .counseling])
        XCTAssertThrowsError(try store.recordFollowUp(studentID: "S2", wave: "w", status: .closed, note: nil)) { error in
            XCTAssertEqual((error as? StoreError)?.message.english, "student 'S2' has no screening in wave 'w'")
        }
    }

    func testRedSticksWhenALaterSheetIsCalmer() throws {
        _ = try store.importPaper(
            wave: "w", battery: annual, path: "a.csv", fileHash: "h1",
            sheets: [Self.sheet("S1", phq9: [0, 0, 0, 0, 0, 0, 0, 0, 3])])
        _ = try store.importPaper(wave: "w", battery: annual, path: "b.csv", fileHash: "h2", sheets: [Self.sheet("S1")])
        XCTAssertEqual(try store.register(wave: "w").map(\.level), [.red])
    }
}
