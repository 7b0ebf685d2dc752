import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Export → decode → merge: exact sums, checked files, and one school merged alone equal to its own report.
final class CohortExchangeTests: XCTestCase {
    let annual = Fixtures.catalog.battery("annual")!
    let date = Date(timeIntervalSince1970: 1_795_000_000)

    private func stamp(_ k: Int = 10) throws -> ReportStamp {
        ReportStamp(wave: "2026-autumn", batteries: [annual], threshold: try MinimumCellSize(k), at: date)
    }

    private func exchange(_ wave: TwoSchoolWave) throws -> CohortExchange {
        let exported = try CohortExchange.export(try wave.tables(battery: annual), stamp: try stamp())
        return try CohortExchange.decode(Data(exported.encoded().utf8), file: "school.json")
    }

    func testOneSchoolMergedAloneGivesItsOwnReportAtSchoolAndGradeLevel() throws {
        for school in TwoSchoolWave.schools {
            let wave = TwoSchoolWave().only(school)
            let own = try CohortReportBuilder().build(try wave.tables(battery: annual), stamp: try stamp()).report
            let merged = try CohortMerge.merge([("school.json", try exchange(wave))], threshold: .standard, at: date)
            let report = try CohortReportBuilder()
                .build(merged.tables, stamp: merged.stamp, withheld: merged.withheld).report
            XCTAssertEqual(report.units.count, own.units.filter { $0.unit.level != .class }.count, school)
            for unit in report.units {
                XCTAssertEqual(unit, own.unit(unit.unit), "\(unit.unit)")
            }
        }
    }

    func testMergeOfTwoSchoolsEqualsTheJointReportAtSchoolLevel() throws {
        let wave = TwoSchoolWave()
        let joint = try CohortReportBuilder().build(try wave.tables(battery: annual), stamp: try stamp()).report
        let files = try TwoSchoolWave.schools.map { ("\($0).json", try exchange(wave.only($0))) }
        let merged = try CohortMerge.merge(files, threshold: .standard, at: date)
        let report = try CohortReportBuilder().build(merged.tables, stamp: merged.stamp, withheld: merged.withheld).report
        XCTAssertEqual(report.stamp.mergedFiles, 2)
        for school in TwoSchoolWave.schools + [""] {
            let unit = school.isEmpty ? CohortUnit.all : CohortUnit(level: .school, school: school)
            let a = try XCTUnwrap(joint.unit(unit)), b = try XCTUnwrap(report.unit(unit))
            XCTAssertEqual(a.enrolled, b.enrolled)
            XCTAssertEqual(a.screened, b.screened)
            XCTAssertNotNil(a.screened)
            for (x, y) in zip(a.scales, b.scales) {
                XCTAssertEqual(x.n, y.n)
                XCTAssertEqual(try XCTUnwrap(x.mean), try XCTUnwrap(y.mean), accuracy: 1e-12)
                XCTAssertEqual(try XCTUnwrap(x.sd), try XCTUnwrap(y.sd), accuracy: 1e-12)
                XCTAssertEqual(x.median, y.median)
                XCTAssertEqual(try XCTUnwrap(x.alpha), try XCTUnwrap(y.alpha), accuracy: 1e-12)
            }
        }
    }

    func testMergeRefusesASchoolTwiceAndDifferentWaves() throws {
        let file = try exchange(TwoSchoolWave().only(TwoSchoolWave.schools[0]))
        XCTAssertThrowsError(try CohortMerge.merge([("a.json", file), ("b.json", file)], threshold: .standard)) { error in
            XCTAssertTrue("\(error)".contains("is also in a.json"), "\(error)")
        }
        var other = file
        other.stamp.wave = "2027-spring"
        other.tables = other.tables.filter { _ in false }
        XCTAssertThrowsError(try CohortMerge.merge([("a.json", file), ("b.json", other)], threshold: .standard)) { error in
            XCTAssertTrue("\(error)".contains("wave '2027-spring' differs"), "\(error)")
        }
    }

    func testDamagedFilesAreRefused() throws {
        let text = try CohortExchange.export(
            try TwoSchoolWave().only(TwoSchoolWave.schools[0]).tables(battery: annual), stamp: try stamp()
        ).encoded()
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var units = try XCTUnwrap(json["units"] as? [[String: Any]])
        units[0]["screened"] = (units[0]["screened"] as! Int) + 1
        json["units"] = units
        let damaged = try JSONSerialization.data(withJSONObject: json)
        XCTAssertThrowsError(try CohortExchange.decode(damaged, file: "bad.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad.json: error: "), "\(error)")
        }
        XCTAssertThrowsError(try CohortExchange.decode(Data("{\"format\": \"other\"}".utf8), file: "x.json")) { error in
            XCTAssertTrue("\(error)".contains("not a psyscreen exchange file"), "\(error)")
        }
    }

    func testTheFileHoldsNoStudentLevelData() throws {
        let wave = TwoSchoolWave()
        let text = try CohortExchange.export(try wave.tables(battery: annual), stamp: try stamp()).encoded()
        for student in wave.students {
            XCTAssertFalse(text.contains(student.studentID))
            XCTAssertFalse(text.contains("\"\(student.name)\""))
        }
        XCTAssertFalse(text.contains("\"class\""), "no class-level units")
    }
}
