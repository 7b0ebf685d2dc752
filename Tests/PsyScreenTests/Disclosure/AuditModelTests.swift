import PsyScreenTestSupport
import XCTest

@testable import PsyScreen

/// The reader's program of one group of schools.
final class AuditModelTests: XCTestCase {
    static let annual = Fixtures.catalog.battery("annual")!

    /// In a wave of one school, the wave's published counts state exactly what the school's do: withdrawing one
    /// alone would free nothing, so the repair withdraws them together.
    func testTheWavesCountsAndTheirOnlySchoolsAreTwins() throws {
        let name = TwoSchoolWave.schools[0]
        let tables = try TwoSchoolWave().only(name).tables(battery: Self.annual)
        let pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: Self.annual.policy)
        let component = AuditComponent(schools: [name], tables: tables, pattern: pattern, policy: Self.annual.policy)
        let school = AuditComponent.unit(name)
        let shown = DisclosureAudit.countCells(tables.columns).filter {
            !pattern.isHidden($0, of: school) && !pattern.isHidden($0, of: .all)
        }
        XCTAssertGreaterThan(shown.count, 3)
        for cell in shown {
            XCTAssertEqual(component.model.twins(of: .count(school, cell)), [.count(.all, cell)], "\(cell)")
        }
        // A grade's count states less than its school's; a withdrawn figure is nobody's twin.
        let grade = component.units.first { $0.level == .grade }!
        let cell = shown.first { !pattern.isHidden($0, of: grade) }!
        XCTAssertEqual(component.model.twins(of: .count(grade, cell)), [])
        component.model.withdraw(.count(.all, cell))
        XCTAssertEqual(component.model.twins(of: .count(school, cell)), [])
    }
}
