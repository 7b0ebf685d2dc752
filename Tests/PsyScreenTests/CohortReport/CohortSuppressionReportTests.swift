import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Disclosure control as the report applies it, on hand-made tables (one school, PHQ-9 bands, k = 10).
final class CohortSuppressionReportTests: XCTestCase {
    typealias Class = HandTables.Class

    func testALoneHiddenCellBesideAPublishedTotalGetsAComplement() throws {
        // 1A: moderate 3 is small; with n published, n − the other bands would give it back.
        let report = try HandTables.report([
            Class(grade: "G1", name: "1A", enrolled: 40, bands: [25, 12, 3, 0, 0]),
            Class(grade: "G1", name: "1B", enrolled: 40, bands: [20, 15, 5, 0, 0]),
        ])
        let unit = try XCTUnwrap(report.classUnit("G1", "1A")).scales[0]
        XCTAssertNil(unit.bands[2])
        XCTAssertEqual(unit.bands[3], 0, "zeros are published")
        let hidden = unit.bands.filter { $0 == nil }.count
        XCTAssertTrue(unit.n == nil || hidden >= 2, "n minus the published bands must not give the small count")
        XCTAssertEqual(unit.bandPercents[2], DisclosureFormat.hiddenMarker)
    }

    func testGradeMinusClassesDifferencingIsBlocked() throws {
        let report = try HandTables.report([
            Class(grade: "G1", name: "1A", enrolled: 40, bands: [20, 14, 4, 2, 0]),
            Class(grade: "G1", name: "1B", enrolled: 40, bands: [15, 12, 12, 1, 0]),
            Class(grade: "G1", name: "1C", enrolled: 40, bands: [14, 11, 15, 0, 0]),
        ])
        let grade = try XCTUnwrap(report.gradeUnit("G1")).scales[0]
        let classes = try ["1A", "1B", "1C"].map { try XCTUnwrap(report.classUnit("G1", $0)).scales[0] }
        for band in 0..<5 where grade.bands[band] != nil {
            let hidden = classes.filter { $0.bands[band] == nil }.count
            XCTAssertNotEqual(hidden, 1, "band \(band): grade minus the other classes gives the hidden one")
        }
        XCTAssertNil(classes[0].bands[2], "1A moderate = 4")
    }

    func testAClassWhereEveryoneIsPositiveShowsNoHundredPercent() throws {
        // Everyone red and in the mild band: the zeros beside the count are published, so hiding the count
        // would hide nothing; the percentage is coded, never "100%".
        let report = try HandTables.report([
            Class(grade: "G1", name: "1A", enrolled: 20, bands: [0, 20, 0, 0, 0], levels: [.red: 20]),
            Class(grade: "G1", name: "1B", enrolled: 30, bands: [18, 12, 0, 0, 0]),
        ])
        let unit = try XCTUnwrap(report.classUnit("G1", "1A"))
        XCTAssertFalse(report.units.flatMap { $0.scales[0].bandPercents }.contains("100%"))
        XCTAssertFalse(
            String(decoding: try CohortReportFormat.csv.render(report, language: .english), as: UTF8.self).contains("100%"))
        if unit.scales[0].bands[1] != nil { XCTAssertEqual(unit.scales[0].bandPercents[1], ">95%") }
    }

    func testZeroCellsAreNeverUsedAsComplements() throws {
        let report = try HandTables.report([
            Class(grade: "G1", name: "1A", enrolled: 30, bands: [24, 0, 6, 0, 0]),
            Class(grade: "G1", name: "1B", enrolled: 30, bands: [30, 0, 0, 0, 0]),
        ])
        // 1A moderate = 6 needs a complement; the zeros beside it (bands 1, 3, 4 everywhere) must stay shown.
        XCTAssertNil(try XCTUnwrap(report.classUnit("G1", "1A")).scales[0].bands[2])
        for unit in report.units {
            for band in [1, 3, 4] { XCTAssertEqual(unit.scales[0].bands[band], 0, "\(unit.unit) band \(band)") }
        }
    }

    func testTheSixStudentClassShowsNothingButItsEnrolment() throws {
        let report = try HandTables.report([
            Class(grade: "G1", name: "1A", enrolled: 40, bands: [20, 12, 6, 2, 0], levels: [.red: 2, .yellow: 6]),
            Class(grade: "G1", name: "1B", enrolled: 35, bands: [18, 12, 5, 0, 0], levels: [.yellow: 5]),
            Class(grade: "G1", name: "1C", enrolled: 6, bands: [3, 2, 1, 0, 0], levels: [.yellow: 1]),
        ])
        let small = try XCTUnwrap(report.classUnit("G1", "1C"))
        XCTAssertEqual(small.enrolled, 6)
        XCTAssertNil(small.screened)
        XCTAssertNil(small.coveragePercent)
        XCTAssertEqual(small.levels, [nil, nil, nil])
        let scale = small.scales[0]
        XCTAssertEqual(scale.bands, [nil, nil, nil, nil, nil])
        XCTAssertNil(scale.n)
        XCTAssertNil(scale.mean)
        XCTAssertNil(scale.alpha)
        XCTAssertTrue(scale.bandPercents.allSatisfy { $0 == DisclosureFormat.hiddenMarker })
        // Its n is public (the coverage list has it) and is not protected by hiding another class's n; its
        // counts are: no grade count minus the other classes' gives one of them.
        let grade = try XCTUnwrap(report.gradeUnit("G1"))
        let others = try ["1A", "1B"].map { try XCTUnwrap(report.classUnit("G1", $0)) }
        for index in 0..<3 where grade.levels[index] != nil && grade.levels[index] != 0 {
            XCTAssertTrue(others.contains { $0.levels[index] == nil }, "level \(index)")
        }
        for band in 0..<5 where grade.scales[0].bands[band] != nil {
            XCTAssertTrue(
                others.contains { $0.scales[0].bands[band] == nil }
                    || small.scales[0].bands[band] == nil
                        && grade.scales[0].bands[band]! - others.reduce(0) { $0 + $1.scales[0].bands[band]! } == 0,
                "band \(band)")
        }
    }

    func testClassesShownWithoutTheirGradeStillAddUpToTheSchool() throws {
        // --by school,class: 1A's moderate 4 would follow from the school's count minus the other classes.
        let classes = [
            Class(grade: "G1", name: "1A", enrolled: 40, bands: [20, 14, 4, 2, 0]),
            Class(grade: "G1", name: "1B", enrolled: 40, bands: [15, 12, 12, 1, 0]),
            Class(grade: "G2", name: "2A", enrolled: 40, bands: [14, 11, 15, 0, 0]),
        ]
        let stamp = ReportStamp(wave: "w", instruments: [], policies: [], minimumCellSize: 10, generatedAt: .init())
        let report = try CohortReportBuilder(scope: try CohortReportScope(parsing: "school,class"))
            .build(HandTables.tables(classes), stamp: stamp).report
        XCTAssertNil(report.gradeUnit("G1"))
        let school = try XCTUnwrap(report.unit(CohortUnit(level: .school, school: "S"))).scales[0]
        let parts =
            try ["1A", "1B"].map { try XCTUnwrap(report.classUnit("G1", $0)).scales[0] }
            + [try XCTUnwrap(report.classUnit("G2", "2A")).scales[0]]
        for band in 0..<5 where school.bands[band] != nil {
            XCTAssertNotEqual(parts.filter { $0.bands[band] == nil }.count, 1, "band \(band)")
        }
    }

    func testKBelowFiveIsRefused() {
        XCTAssertThrowsError(try MinimumCellSize(4))
        XCTAssertNoThrow(try MinimumCellSize(5))
    }
}
