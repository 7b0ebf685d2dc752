import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The checks a reader of the published report can make, on the generated two-school wave with its
/// 6-student class: no small count, no count that leaves a small remainder, no hidden count that comes back
/// from its unit's n or from a total minus the other parts.
final class GeneratedWaveDisclosureTests: XCTestCase {
    static let annual = Fixtures.catalog.battery("annual")!

    static func report(k: Int = 10) throws -> CohortReport {
        let threshold = try MinimumCellSize(k)
        let stamp = ReportStamp(wave: "2026-autumn", batteries: [annual], threshold: threshold, at: Date())
        return try CohortReportBuilder(threshold: threshold).build(try TwoSchoolWave().tables(battery: annual), stamp: stamp)
            .report
    }

    func testNoPublishedCountIsSmallOrLeavesASmallRemainder() throws {
        for k in [5, 10] {
            let report = try Self.report(k: k)
            for unit in report.units {
                for count in unit.levels.compactMap({ $0 }) {
                    XCTAssertFalse((1..<k).contains(count), "\(unit.unit) level count \(count)")
                    if let screened = unit.screened, count > 0 {
                        XCTAssertFalse((1..<k).contains(screened - count), "\(unit.unit) leaves \(screened - count)")
                    }
                }
                for scale in unit.scales {
                    for count in scale.bands.compactMap({ $0 }) {
                        XCTAssertFalse((1..<k).contains(count), "\(unit.unit) band count \(count)")
                        if let n = scale.n, count > 0 {
                            XCTAssertFalse((1..<k).contains(n - count), "\(unit.unit) leaves \(n - count)")
                        }
                    }
                    if scale.mean != nil || scale.sd != nil || scale.median != nil || scale.alpha != nil {
                        XCTAssertGreaterThanOrEqual(try XCTUnwrap(scale.n), k, "\(unit.unit): statistics need n ≥ k")
                    }
                }
            }
        }
    }

    func testNoHiddenCountComesBackFromItsUnitsN() throws {
        let report = try Self.report()
        for unit in report.units {
            for scale in unit.scales {
                guard let n = scale.n, scale.bands.filter({ $0 == nil }).count == 1 else { continue }
                // Only a zero of a small unit may follow from published zeros (SuppressionResult.exposedZeros).
                XCTAssertEqual(n - scale.bands.compactMap { $0 }.reduce(0, +), 0, "\(unit.unit): n minus the other bands")
            }
        }
    }

    func testNoHiddenCountComesBackFromATotalAndTheOtherParts() throws {
        let report = try Self.report()
        // Every published count as a function of the unit, so that parents and children line up. (Screened
        // counts and n are public — the coverage list has them — and never hidden to protect anything.)
        func figures(_ unit: CohortReport.Unit) -> [Int?] {
            unit.levels + unit.scales.flatMap(\.bands)
        }
        let byUnit = Dictionary(uniqueKeysWithValues: report.units.map { ($0.unit, figures($0)) })
        var children: [CohortUnit: [CohortUnit]] = [:]
        for unit in report.units { if let parent = unit.unit.parent { children[parent, default: []].append(unit.unit) } }
        // A school's group is the sum of its grades' groups only where every grade breaks the attribute out.
        for (parent, members) in children where parent.isGroup {
            let grades = report.units.filter { $0.unit.level == .grade && !$0.unit.isGroup && $0.unit.school == parent.school }
            let split = Set(members.map(\.grade))
            if grades.contains(where: { !split.contains($0.unit.grade) }) { children[parent] = nil }
        }
        XCTAssertFalse(children.isEmpty)
        // And each unit as the sum of its gender groups, and of its major groups.
        var splits: [(CohortUnit, [CohortUnit])] = []
        for attribute in CohortUnit.GroupAttribute.allCases {
            let groups = Dictionary(grouping: report.units.map(\.unit).filter { $0.groupAttribute == attribute }, by: \.whole)
            splits += groups.map { ($0.key, $0.value) }
        }
        XCTAssertFalse(splits.isEmpty)
        for (parent, members) in children.map({ ($0.key, $0.value) }) + splits {
            let total = byUnit[parent]!
            for column in total.indices {
                guard let value = total[column] else { continue }
                let hidden = members.filter { byUnit[$0]![column] == nil }
                guard hidden.count == 1 else { continue }
                let derived = value - members.compactMap { byUnit[$0]![column] }.reduce(0, +)
                XCTAssertEqual(derived, 0, "\(parent) column \(column) gives \(hidden[0]) = \(derived)")
            }
        }
    }

    func testTheSixStudentClassShowsNothingButItsEnrolment() throws {
        let report = try Self.report()
        let small = try XCTUnwrap(
            report.unit(
                CohortUnit(
                    level: .class, school: TwoSchoolWave.smallClass.school, grade: TwoSchoolWave.smallClass.grade,
                    className: TwoSchoolWave.smallClass.className)))
        XCTAssertEqual(small.enrolled, 6)
        XCTAssertNil(small.screened)
        XCTAssertNil(small.coveragePercent)
        XCTAssertTrue(small.levels.allSatisfy { $0 == nil })
        for scale in small.scales {
            XCTAssertNil(scale.n)
            XCTAssertTrue(scale.bands.allSatisfy { $0 == nil })
            XCTAssertEqual([scale.mean, scale.sd, scale.median, scale.alpha], [nil, nil, nil, nil])
        }
        let rows = report.rows.filter { $0.unit == small.unit }
        XCTAssertEqual(rows.filter { $0.value != DisclosureFormat.hiddenMarker }.map(\.statistic), ["enrolled"])
    }
}
