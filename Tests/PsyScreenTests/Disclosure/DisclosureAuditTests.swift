import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The audit of a wave's pattern against a reader who holds every output.
final class DisclosureAuditTests: XCTestCase {
    static let annual = Fixtures.catalog.battery("annual")!

    func audit(_ tables: CohortTables, k: Int = 10) throws -> AuditReport {
        let threshold = try MinimumCellSize(k)
        let pattern = try CohortReportBuilder.pattern(tables, threshold: threshold, policy: Self.annual.policy)
        return DisclosureAudit(threshold: threshold, policy: Self.annual.policy).audit(tables, pattern: pattern)
    }

    func testTheGeneratedWavePassesPerSchoolAndJointly() throws {
        let wave = TwoSchoolWave()
        for tables in try TwoSchoolWave.schools.map({ try wave.only($0).tables(battery: Self.annual) })
            + [try wave.tables(battery: Self.annual)] {
            let report = try audit(tables)
            XCTAssertGreaterThan(report.intervals.count, 10)
            XCTAssertEqual(report.violations, [], "\(report.violations.prefix(5))")
            print("audit:", report.intervals.count, "cells", report.exemptZeros, "exempt; narrowest", report.narrowest!, report.linearPrograms, report.integerPrograms)
        }
    }
}
