import PsyScreenTestSupport
import XCTest

@testable import PsyScreen

/// A block's counts in their schools' own programs (docs/report.md, "A block's counts school by school"): a
/// school's program is the block's with every other school at its true values, so what it reaches the block
/// reaches, and where no assumed tie binds its optimum, the block's optimum is the same.
final class SchoolProgramsTests: XCTestCase {
    static let annual = Fixtures.catalog.battery("annual")!

    /// Six schools, each hiding its PHQ-9 minimal and mild counts in every unit and showing its other counts, the
    /// wave showing all of its counts: both figures tie the six schools, which are cut into blocks, and a school's
    /// minimal count can move only against another school's.
    static func tiedByTwoBands() throws -> (CohortTables, DisclosurePattern, [[String]]) {
        let tables = try WaveAuditTests.wave(seed: 5, schools: 6).tables(battery: annual)
        var pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: annual.policy)
        pattern.hidden[.all] = []
        pattern.distributions = pattern.distributions.map { $0.subtracting([.all]) }
        let schools = Set(tables.leaves.keys.map(\.school)).sorted()
        for school in schools {
            let unit = AuditComponent.unit(school)
            pattern.hidden[unit] = (pattern.hidden[unit] ?? []).filter { !$0.isCount }
        }
        for unit in pattern.units where !unit.school.isEmpty {
            pattern.hidden[unit, default: []].formUnion([.band(0, 0), .band(0, 1)])
        }
        let audit = DisclosureAudit(threshold: .standard, policy: annual.policy)
        return (tables, pattern, audit.blocks(tables, pattern))
    }

    /// Every hidden count of the first block, each side by the LP relaxation: the school's program never goes
    /// further than the block's (it is the block's with the other schools fixed), so a side it reaches the block
    /// reaches; the sides it does not reach go to the block, which reaches some of them (a school's own minimal
    /// count moves only against another school's).
    func testWhatASchoolsProgramReachesTheBlockReaches() throws {
        let audit = DisclosureAudit(threshold: .standard, policy: Self.annual.policy)
        let (tables, pattern, blocks) = try Self.tiedByTwoBands()
        XCTAssertEqual(blocks.map(\.count), [2, 2, 2])
        let block = AuditComponent(schools: blocks[0], tables: tables, pattern: pattern, policy: Self.annual.policy)
        var report = AuditReport(intervals: [], exemptZeros: 0)
        let hidden = audit.track(block, tables, pattern, report: &report)
        var (same, wider) = (0, 0)
        for school in blocks[0] {
            let own = AuditComponent(
                schools: [school], tables: tables, pattern: pattern, policy: Self.annual.policy, hiddenTiesOnly: true)
            for count in hidden where count.unit.school == school {
                let terms = own.model.terms(count.cell, members: own.membersOf[count.unit]!)
                for maximize in [false, true] {
                    guard case .optimal(let mine) = own.model.program.optimize(terms, maximize: maximize),
                        case .optimal(let theirs) = block.model.program.optimize(
                            block.model.terms(ofTracked: count.index), maximize: maximize)
                    else { return XCTFail("\(count.unit) \(count.cell)") }
                    XCTAssertLessThanOrEqual(maximize ? mine - theirs : theirs - mine, 1e-6, "\(count.unit) \(count.cell)")
                    if abs(mine - theirs) > 1e-6 { wider += 1 } else { same += 1 }
                }
            }
        }
        XCTAssertEqual([hidden.count, same, wider], [304, 583, 25])
        // Side by side: what the schools' programs reach, the block's does; the rest is the block's to decide.
        let schools = DisclosureAudit.SchoolPrograms(
            block: block, tables: tables, pattern: pattern, policy: Self.annual.policy)
        var (reached, left, blockReached) = (0, 0, 0)
        var fallbacks: [String] = []
        for count in hidden {
            for maximize in [false, true] {
                // The schools first: the block's optimum, once seen, settles the side for them too.
                let mine = schools.reaches(count, maximize: maximize, relaxed: true, audit)
                let theirs = audit.side(count, of: block, maximize: maximize, relaxed: true, report: &report)
                if mine {
                    reached += 1
                    guard case .reached = theirs else { return XCTFail("\(count.unit) \(count.cell): \(theirs)") }
                } else {
                    left += 1
                    if case .reached = theirs {
                        blockReached += 1
                        fallbacks.append("\(count.unit) \(count.cell) \(maximize ? "up" : "down")")
                    }
                }
            }
        }
        XCTAssertEqual([reached, left, blockReached], [598, 10, 2])
        // The school's own minimal count: its school program fixes it (the tie), the block moves it against the
        // other school's.
        XCTAssertEqual(fallbacks, ["学校1 band[0][0] down", "学校1 band[0][0] up"])
    }

    /// The repair of the six schools in blocks, school by school and with the blocks' programs alone: the same
    /// pattern, which the final audit passes.
    func testTheRepairSchoolBySchoolDecidesThePatternTheBlocksDecide() throws {
        var audit = DisclosureAudit(threshold: .standard, policy: Self.annual.policy)
        let (tables, pattern, _) = try Self.tiedByTwoBands()
        var repaired = pattern, alone = pattern
        repaired.hidden = audit.repair(tables, pattern: pattern).hidden
        audit.schoolFirst = false
        alone.hidden = audit.repair(tables, pattern: pattern).hidden
        let count = { (pattern: DisclosurePattern) in pattern.hidden.values.reduce(0) { $0 + $1.count } }
        XCTAssertEqual([count(pattern), count(repaired), count(alone)], [1251, 1299, 1299])
        XCTAssertEqual(repaired.units.filter { repaired.hidden[$0] != alone.hidden[$0] }.count, 0)
        audit.schoolFirst = true
        XCTAssertEqual(audit.audit(tables, pattern: repaired).violations, [])
    }
}
