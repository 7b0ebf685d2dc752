import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The final audit hands back what it cannot prove protected: the pattern a wave releases is the one it passed.
final class AuditHandBackTests: XCTestCase {
    static let annual = Fixtures.catalog.battery("annual")!

    /// A count the repair hid, published again: the final audit finds what it leaves narrowed and withdraws the
    /// cheapest figure binding it, until the audit passes; a fresh audit of the pattern it returns passes too.
    func testACountTheAuditFindsNarrowedIsHandedBackUntilItPasses() throws {
        let audit = DisclosureAudit(threshold: .standard, policy: Self.annual.policy)
        let tables = try WaveAuditTests.wave(seed: 5, schools: 3).tables(battery: Self.annual)
        let decided = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: Self.annual.policy)
        XCTAssertEqual(audit.audit(tables, pattern: decided).violations, [])
        // The first class count (non-zero band) whose publication leaves another count narrowed.
        var leaky: (DisclosurePattern, CohortUnit, CohortCell, AuditReport)?
        search: for unit in decided.units where unit.level == .class && !unit.isGroup {
            for cell in (decided.hidden[unit] ?? []).sorted(by: { $0.description < $1.description }) {
                guard case .band(let column, let band) = cell, tables.units[unit]!.scales[column].bands[band] > 0
                else { continue }
                var pattern = decided
                pattern.hidden[unit]!.remove(cell)
                let report = audit.audit(tables, pattern: pattern)
                if !report.passed {
                    leaky = (pattern, unit, cell, report)
                    break search
                }
            }
        }
        let (pattern, unit, cell, found) = try XCTUnwrap(leaky)
        let settled = audit.settle(tables, pattern: pattern) { $0 }
        XCTAssertTrue(settled.report.passed, "\(settled.report.violations.prefix(3))")
        XCTAssertGreaterThan(settled.rounds, 1)
        XCTAssertFalse(settled.handedBackCounts.isEmpty && settled.handedBackDistributions.isEmpty)
        // Every count handed back was published and is now hidden, the rest of the pattern as it was.
        for (owner, what) in settled.handedBackCounts {
            XCTAssertFalse(pattern.isHidden(what, of: owner), "\(owner) \(what)")
            XCTAssertTrue(settled.pattern.isHidden(what, of: owner), "\(owner) \(what)")
        }
        for (owner, column) in settled.handedBackDistributions {
            XCTAssertTrue(pattern.distributions[column].contains(owner))
            XCTAssertFalse(settled.pattern.distributions[column].contains(owner))
        }
        for (owner, cells) in pattern.hidden { XCTAssertTrue(cells.isSubset(of: settled.pattern.hidden[owner] ?? [])) }
        // The counts found narrowed are protected now, and a fresh audit of the pattern finds what the last round did.
        let fresh = audit.audit(tables, pattern: settled.pattern)
        XCTAssertEqual(fresh.violations, [])
        XCTAssertEqual(Set(fresh.intervals), Set(settled.report.intervals))
        for interval in found.violations {
            XCTAssertTrue(
                fresh.intervals.contains { $0.unit == interval.unit && $0.cell == interval.cell && $0.isProtected },
                "\(interval) (published again: \(unit) \(cell))")
        }
    }

    /// A wave the final audit passes at once is released as the repair left it: no round of hand-back.
    func testAPatternThatPassesIsReleasedAsDecided() throws {
        let tables = try WaveAuditTests.wave(seed: 6, schools: 3).tables(battery: Self.annual)
        let decided = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: Self.annual.policy)
        let released = try CohortReportBuilder.release(tables, threshold: .standard, policy: Self.annual.policy)
        XCTAssertTrue(released.report.passed)
        XCTAssertTrue(released.handedBackCounts.isEmpty && released.handedBackDistributions.isEmpty)
        XCTAssertEqual(released.rounds, 1)
        XCTAssertEqual(released.pattern, decided)
    }

    /// The blocks of the final audit are audited on two threads: the same intervals as on one.
    func testTheFinalAuditOnTwoThreadsFindsWhatOneThreadFinds() throws {
        var audit = DisclosureAudit(threshold: .standard, policy: Self.annual.policy)
        let tables = try WaveAuditTests.wave(seed: 5, schools: 6).tables(battery: Self.annual)
        let (pattern, _) = try WaveAuditTests.tiedByMinimal(tables)
        XCTAssertGreaterThan(audit.blocks(tables, pattern).count, 1)
        audit.threads = 1
        let serial = audit.audit(tables, pattern: pattern)
        audit.threads = 2
        let parallel = audit.audit(tables, pattern: pattern)
        XCTAssertFalse(serial.violations.isEmpty)
        XCTAssertEqual(parallel.intervals, serial.intervals)
    }
}
