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

    private func mergedReport(_ files: [(String, CohortExchange)]) throws -> CohortReport {
        let merged = try CohortMerge.merge(files, threshold: .standard, at: date)
        return CohortReportBuilder().report(merged.units, stamp: merged.stamp, columns: merged.columns)
    }

    func testOneSchoolMergedAloneGivesItsOwnReportAtSchoolAndGradeLevel() throws {
        for school in TwoSchoolWave.schools {
            let wave = TwoSchoolWave().only(school)
            let own = try CohortReportBuilder().build(try wave.tables(battery: annual), stamp: try stamp()).report
            let report = try mergedReport([("school.json", try exchange(wave))])
            let expected = own.units.filter { ($0.unit.level == .school || $0.unit.level == .grade) && $0.enrolled >= 10 }
            XCTAssertEqual(report.units.count, expected.count + 1, school)
            for unit in report.units where unit.unit != .all {
                XCTAssertEqual(unit, own.unit(unit.unit), "\(unit.unit)")
            }
            // The whole is the school.
            var whole = try XCTUnwrap(report.unit(.all))
            whole.unit = CohortUnit(level: .school, school: school)
            XCTAssertEqual(whole, own.unit(whole.unit))
        }
    }

    func testMergeOfTwoSchoolsAddsUpWhatTheFilesHold() throws {
        let wave = TwoSchoolWave()
        let exact = try wave.tables(battery: annual)
        let files = try TwoSchoolWave.schools.map { ("\($0).json", try exchange(wave.only($0))) }
        let report = try mergedReport(files)
        XCTAssertEqual(report.stamp.mergedFiles, 2)
        for school in TwoSchoolWave.schools {
            let own = try CohortReportBuilder().build(try wave.only(school).tables(battery: annual), stamp: try stamp()).report
            let unit = CohortUnit(level: .school, school: school)
            XCTAssertEqual(report.unit(unit), own.unit(unit))
        }
        let whole = try XCTUnwrap(report.unit(.all)), counts = try XCTUnwrap(exact.units[.all])
        XCTAssertEqual(whole.enrolled, counts.enrolled)
        XCTAssertEqual(whole.screened, counts.screened)
        for (index, scale) in whole.scales.enumerated() {
            XCTAssertEqual(scale.n, counts.scales[index].n)
            for (band, value) in scale.bands.enumerated() {
                if let value { XCTAssertEqual(value, counts.scales[index].bands[band]) }
            }
            // Exact where both schools publish the distribution: the sums and histograms add up.
            if let mean = scale.mean {
                let accumulator = counts.scales[index].scores.accumulator
                XCTAssertEqual(mean, try XCTUnwrap(accumulator.mean), accuracy: 1e-12)
                XCTAssertEqual(try XCTUnwrap(scale.sd), try XCTUnwrap(accumulator.standardDeviation), accuracy: 1e-12)
                if let median = scale.median { XCTAssertEqual(median, counts.scales[index].scores.median) }
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
        other.units = []
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

    func testNoUnitGroupOrComplementBelowKAndNoSmallHistograms() throws {
        let file = try exchange(TwoSchoolWave())
        let units = Dictionary(uniqueKeysWithValues: file.units.map { ($0.unit, $0) })
        var splits: [String: [PublishedUnit]] = [:]
        for unit in file.units {
            XCTAssertGreaterThanOrEqual(unit.enrolled, 10, "\(unit.unit)")
            if let screened = unit.screened { XCTAssertGreaterThanOrEqual(screened, 10, "\(unit.unit)") }
            for scale in unit.scales where scale.histogram != nil || scale.itemSums != nil || scale.sums != nil {
                XCTAssertGreaterThanOrEqual(scale.n ?? 0, 10, "\(unit.unit): distribution of fewer than k")
            }
            if unit.unit.isGroup { splits["\(unit.unit.whole) \(unit.unit.groupAttribute!.rawValue)", default: []].append(unit) }
        }
        XCTAssertFalse(splits.isEmpty, "the wave has group splits of k or more in every group")
        // A split is there whole or not at all: its groups add up to the unit, so no group's complement is missing.
        for (split, groups) in splits {
            let whole = try XCTUnwrap(units[groups[0].unit.whole], split)
            XCTAssertEqual(groups.reduce(0) { $0 + $1.enrolled }, whole.enrolled, split)
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
