import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// The report's extraction from a real database, and the de-identified extract.
class CohortStoreTests: StoreTestCase {
    let wave = TwoSchoolWave()

    override func setUpWithError() throws {
        try super.setUpWithError()
        try Self.seed(store, wave, waves: ["2026-autumn"])
    }

    /// Imports the roster and, for each wave, every screened student's paper sheet.
    static func seed(_ store: any ScreeningStore, _ wave: TwoSchoolWave, waves: [String]) throws {
        _ = try store.importRoster(wave.students, source: "roster.csv")
        let annual = Fixtures.catalog.battery("annual")!
        for name in waves {
            let sheets = wave.students.compactMap { student in
                wave.answers[student.studentID].map { PaperSheet(studentID: student.studentID, line: 2, answers: $0) }
            }
            _ = try store.importPaper(wave: name, battery: annual, path: "paper.csv", fileHash: "hash-\(name)", sheets: sheets)
        }
    }

    func testExtractionEqualsCountingTheScoredSheetsDirectly() throws {
        let columns = CohortColumn.columns(of: annual.instruments)
        let fromStore = try store.cohortTables(wave: "2026-autumn", columns: columns)
        let direct = try wave.tables(battery: annual)
        XCTAssertEqual(Set(fromStore.units.keys), Set(direct.units.keys))
        for (unit, counts) in direct.units { XCTAssertEqual(fromStore.units[unit], counts, "\(unit)") }
    }

    /// A report under a stored pattern asks for no leaves: the same units, and (SQLite) no leaves counted.
    func testCohortWithoutLeavesHasTheSameUnits() throws {
        let with = try store.cohort(wave: "2026-autumn", catalog: Fixtures.catalog)
        let without = try store.cohort(wave: "2026-autumn", catalog: Fixtures.catalog, leaves: false)
        XCTAssertEqual(without.tables.units, with.tables.units)
        XCTAssertEqual(without.release, with.release)
        XCTAssertFalse(with.tables.leaves.isEmpty)
        if store is SQLiteStore { XCTAssertEqual(without.tables.leaves, [:]) }
    }

    func testALaterSheetReplacesTheEarlierOneAndRedSticks() throws {
        let id = wave.students.first { wave.answers[$0.studentID] != nil && $0.status == .enrolled }!.studentID
        var crisis = wave.answers[id]!
        crisis["phq9"]![8] = 2
        _ = try store.importPaper(
            wave: "2026-autumn", battery: annual, path: "a.csv", fileHash: "crisis",
            sheets: [PaperSheet(studentID: id, line: 2, answers: crisis)])
        var calm = crisis
        calm["phq9"] = Array(repeating: 0, count: 9)
        _ = try store.importPaper(
            wave: "2026-autumn", battery: annual, path: "b.csv", fileHash: "calm",
            sheets: [PaperSheet(studentID: id, line: 2, answers: calm)])
        let tables = try store.cohortTables(wave: "2026-autumn", columns: CohortColumn.columns(of: annual.instruments))
        let before = try wave.tables(battery: annual)
        let all = try XCTUnwrap(tables.units[.all])
        XCTAssertEqual(all.screened, before.units[.all]!.screened, "still one attempt per student")
        XCTAssertEqual(
            all.scales[0].scores.counts[0, default: 0],
            before.units[.all]!.scales[0].scores.counts[0, default: 0] + 1
                - (wave.answers[id]!["phq9"]!.allSatisfy { $0 == 0 } ? 1 : 0), "the latest sheet's score counts")
        XCTAssertEqual(try store.register(wave: "2026-autumn").first { $0.student.studentID == id }?.level, .red)
    }

    func testAnUnknownWaveIsRefusedWithTheKnownOnes() throws {
        XCTAssertThrowsError(try store.cohort(wave: "2026-autum", catalog: Fixtures.catalog)) { error in
            XCTAssertTrue(
                "\(error)".contains("wave '2026-autum' has no screening results (known waves: 2026-autumn)"), "\(error)")
        }
    }

    func testDeidentifiedRowsRepeatThePseudonymAcrossWavesAndHoldNoID() throws {
        try Self.seed(store, wave, waves: ["2027-spring"])
        let key = try PseudonymKey(bytes: Array(repeating: 7, count: 32))
        let columns = CohortColumn.columns(of: annual.instruments)
        let autumn = try store.deidentifiedRows(wave: "2026-autumn", columns: columns, key: key)
        let spring = try store.deidentifiedRows(wave: "2027-spring", columns: columns, key: key)
        XCTAssertEqual(autumn.count, try store.cohortTables(wave: "2026-autumn", columns: columns).units[.all]!.screened)
        XCTAssertEqual(Set(autumn.map(\.pseudonym)), Set(spring.map(\.pseudonym)))
        let student = wave.students.first { wave.answers[$0.studentID] != nil && $0.status == .enrolled }!
        let pseudonym = try key.pseudonym(for: student.studentID)
        XCTAssertEqual(autumn.filter { $0.pseudonym == pseudonym }.count, 1)
        XCTAssertEqual(spring.filter { $0.pseudonym == pseudonym }.count, 1)
        let csv = DeidentifiedExtract.render(autumn, columns: columns, threshold: .standard).csv
        for student in wave.students {
            XCTAssertFalse(csv.contains(student.studentID))
            XCTAssertFalse(csv.contains(student.name))
            XCTAssertFalse(csv.contains(student.birthDate!))
        }
        XCTAssertTrue(
            csv.hasPrefix("pseudonym,school,grade,gender,phq9.total,phq9.total.band,gad7.total,gad7.total.band,level\n"))
    }
}
