import PsyScreenTestSupport
import XCTest

@testable import PsyScreen

/// The wave's hidden bands must be able to move by the protection within their scale's n
/// (`AuditComponent.roomless`): a band hidden beside nothing, or beside a zero, cannot rise.
final class WaveRoomTests: XCTestCase {
    func testAHiddenBandWithoutRoomTakesTheSmallestPublishedBandOfAtLeastTheProtection() throws {
        let tables = try WaveAuditTests.wave(seed: 2, schools: 2).tables(battery: WaveAuditTests.annual)
        let phq9 = try XCTUnwrap(tables.columns.firstIndex { $0.name.hasPrefix("phq9") })
        let bands = try XCTUnwrap(tables.units[.all]).scales[phq9].bands
        var pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: WaveAuditTests.annual.policy)
        pattern.hidden[.all] = [.band(phq9, 0)]
        pattern.distributions[phq9].insert(.all)
        let largest = try XCTUnwrap(bands.indices.dropFirst().max { bands[$0] < bands[$1] })
        XCTAssertGreaterThanOrEqual(bands[largest], 5, "\(bands)")
        let smallest = try XCTUnwrap(bands.indices.dropFirst().filter { bands[$0] >= 5 }.min { bands[$0] < bands[$1] })
        // Alone, band 0 is n less the others: the smallest other band of at least 5 goes, with the distribution.
        XCTAssertEqual(
            AuditComponent.roomless(tables, pattern, protection: 5),
            [.count(.all, .band(phq9, smallest)), .distribution(.all, phq9)])
        // Beside a band of at least 5 each can move by 5: nothing more.
        pattern.hidden[.all] = [.band(phq9, 0), .band(phq9, largest)]
        pattern.distributions[phq9].remove(.all)
        XCTAssertEqual(AuditComponent.roomless(tables, pattern, protection: 5), [])
        // Beside a band of fewer than 5 (as beside a zero), the other cannot rise by 5 unless it is n already.
        let small = bands.indices.dropFirst().filter { bands[$0] < 5 }
        for band in small {
            pattern.hidden[.all] = [.band(phq9, 0), .band(phq9, band)]
            XCTAssertEqual(
                AuditComponent.roomless(tables, pattern, protection: 5).first,
                .count(.all, .band(phq9, smallest)), "band \(band) = \(bands[band]) of \(bands)")
        }
    }
}
