import PsyScreenTestSupport
import XCTest

@testable import PsyScreen

/// The sums of scores stated per atom of leaves (`AuditModel+Sums.swift`) instead of per leaf.
final class AuditSumsTests: XCTestCase {
    /// Leaves in the same published distributions share an atom, numbered in leaf order.
    func testLeavesThatTheSameDistributionsContainShareAnAtom() {
        let atoms = AuditModel.atoms(leaves: 5, publishing: [nil, [[0, 1, 2, 3, 4], [0, 1], [3]], []])
        XCTAssertEqual(atoms.count, 3)
        XCTAssertNil(atoms[0])
        XCTAssertEqual(atoms[1], [0, 0, 1, 2, 1])
        XCTAssertEqual(atoms[2], [0, 0, 0, 0, 0])
    }

    /// Per atom or per leaf, the program is the same: every hidden count has the same smallest and largest value
    /// in the LP relaxation, with the wave's, schools' and grades' distributions and histograms published — in a
    /// program with fewer rows.
    func testAtomsStateWhatLeavesState() throws {
        let tables = try WaveAuditTests.wave(seed: 2, schools: 2).tables(battery: WaveAuditTests.annual)
        let policy = WaveAuditTests.annual.policy
        var pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: policy)
        for column in tables.columns.indices {
            let units = pattern.units.filter { [CohortUnit.Level.all, .school, .grade].contains($0.level) }
            pattern.distributions[column].formUnion(units)
            pattern.histograms[column].formUnion(units.filter { $0 != .all })
        }
        let schools = Set(pattern.units.map(\.school)).filter { !$0.isEmpty }.sorted()
        let atoms = AuditComponent(schools: schools, tables: tables, pattern: pattern, policy: policy)
        let leaves = AuditComponent(
            schools: schools, tables: tables, pattern: pattern, policy: policy, sumsPerLeaf: true)
        XCTAssertLessThan(atoms.model.program.rowCount, leaves.model.program.rowCount)
        var compared = 0
        for unit in atoms.units {
            for cell in DisclosureAudit.countCells(tables.columns) where pattern.isHidden(cell, of: unit) {
                for maximize in [false, true] {
                    let values = [atoms, leaves].map { component -> Double? in
                        let terms = component.model.terms(cell, members: component.membersOf[unit]!)
                        guard case .optimal(let value) = component.model.program.optimize(terms, maximize: maximize)
                        else { return nil }
                        return value
                    }
                    let (mine, theirs) = (try XCTUnwrap(values[0]), try XCTUnwrap(values[1]))
                    XCTAssertEqual(mine, theirs, accuracy: 1e-6, "\(unit) \(cell) \(maximize ? "max" : "min")")
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThan(compared, 100)
    }
}
