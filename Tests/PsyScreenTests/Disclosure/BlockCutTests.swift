import PsyScreenTestSupport
import XCTest

@testable import PsyScreen

/// Cutting a group of schools into blocks that each share every tying figure (docs/report.md, "Blocks"), by the
/// figures' values alone: no program is solved.
final class BlockCutTests: XCTestCase {
    private static func tie(_ cell: CohortCell, _ values: [Int], schools: [String]? = nil) -> AuditComponent.Tie {
        let names = schools ?? values.indices.map { "学校\($0 + 1)" }
        return AuditComponent.Tie(
            figure: .count(.all, cell), hiding: Dictionary(uniqueKeysWithValues: zip(names, values)))
    }

    /// Whether every block shares every figure: its schools hiding it are none, all, or two or more whose values
    /// less the largest come to 5 (a column's sums: two or more).
    private static func shares(_ blocks: [[String]], _ ties: [AuditComponent.Tie]) -> Bool {
        ties.allSatisfy { tie in
            blocks.allSatisfy { block in
                let values = block.compactMap { tie.hiding[$0] }
                return values.isEmpty || values.count == tie.hiding.count
                    || (values.count >= 2 && (!tie.isCount || values.reduce(0, +) - values.max()! >= 5))
            }
        }
    }

    /// 6, 2, 2, 2, 2 and 6 in school order: no runs of two to four schools share it (a run holding a 6 needs
    /// three 2s beside it, and the rest then fails), sets do: the two 6s, the four 2s.
    func testSchoolsHidingSmallValuesAreCutTogetherWhateverTheirOrder() {
        let schools = (1...6).map { "学校\($0)" }
        let severe = Self.tie(.band(1, 3), [6, 2, 2, 2, 2, 6])
        let cut = BlockCut(schools: schools, figures: [severe], protection: 5)
        XCTAssertEqual(cut.blocks(), [["学校1", "学校6"], ["学校2", "学校3", "学校4", "学校5"]])
        XCTAssertTrue(severe.fitsSmallBlocks(protection: 5))
        // 2, 2, 1, 2, 2, 1: no four of them come to 5 beyond their largest.
        let rare = Self.tie(.band(1, 3), [2, 2, 1, 2, 2, 1])
        XCTAssertFalse(rare.fitsSmallBlocks(protection: 5))
        XCTAssertEqual(BlockCut(schools: schools, figures: [rare], protection: 5).blocks(), [schools])
    }

    /// Several figures at once, each with its own spread over the schools, and a figure only three schools hide
    /// (they stay in one block): every block shares every figure, has at most four schools, and the cut is the
    /// same whatever the order the schools and figures come in.
    func testEveryBlockSharesEveryFigureAtOnce() {
        let schools = (1...12).map { "学校\($0 < 10 ? "0" : "")\($0)" }
        let ties = [
            Self.tie(.level(.orange), [1, 8, 2, 1, 6, 2, 3, 9, 1, 2, 7, 3], schools: schools),
            Self.tie(.band(0, 3), [5, 1, 1, 6, 2, 1, 7, 2, 2, 1, 2, 5], schools: schools),
            Self.tie(.band(1, 2), [3, 3, 3], schools: ["学校02", "学校07", "学校11"]),
            AuditComponent.Tie(
                figure: .distribution(.all, 0),
                hiding: Dictionary(uniqueKeysWithValues: schools.dropFirst(2).map { ($0, 0) })),
        ]
        let blocks = BlockCut(schools: schools, figures: ties, protection: 5).blocks()
        XCTAssertEqual(blocks.flatMap { $0 }.sorted(), schools)
        XCTAssertTrue(blocks.allSatisfy { $0.count <= 4 }, "\(blocks)")
        XCTAssertTrue(blocks.contains { Set(["学校02", "学校07", "学校11"]).isSubset(of: $0) }, "\(blocks)")
        XCTAssertTrue(Self.shares(blocks, ties), "\(blocks)")
        XCTAssertEqual(BlockCut(schools: schools.reversed(), figures: ties.reversed(), protection: 5).blocks(), blocks)
    }

    /// A wave of six schools whose GAD-7 severe count is 6, 2, 2, 2, 2 and 6 students, 20 in all. The wave shows
    /// all of its counts; every school hides its GAD-7 severe and minimal counts and shows its others: two figures
    /// tie the six schools, and runs of schools in school order could not share the severe count. Blocks chosen
    /// by its values do: the district rule withdraws nothing, every block has at most four schools and shares both,
    /// and once the repair has worked in those blocks, the reader's one program over the whole wave finds nothing
    /// pinned or narrowed.
    func testAWaveCountRunsInSchoolOrderCannotShareIsSharedByBlocksChosenByItsValues() throws {
        let annual = Fixtures.catalog.battery("annual")!
        let audit = DisclosureAudit(threshold: .standard, policy: annual.policy)
        let tables = try WaveAuditTests.wave(seed: 4, schools: 6, gad7Severe: [6, 2, 2, 2, 2, 6])
            .tables(battery: annual)
        let gad7 = try XCTUnwrap(tables.columns.firstIndex { $0.name.hasPrefix("gad7") })
        let (severe, minimal) = (CohortCell.band(gad7, 3), CohortCell.band(gad7, 0))
        XCTAssertEqual(tables.units[.all]?.scales[gad7].bands[3], 20)
        var pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: annual.policy)
        let schools = Set(tables.leaves.keys.map(\.school)).sorted()
        pattern.hidden[.all] = []
        pattern.distributions = pattern.distributions.map { _ in [] }
        pattern.histograms = pattern.histograms.map { _ in [] }
        for school in schools {
            let unit = AuditComponent.unit(school)
            pattern.hidden[unit] = (pattern.hidden[unit] ?? []).filter { !$0.isCount }.union([severe, minimal])
        }
        let ties = AuditComponent.ties(tables, pattern).filter { $0.hiding.count > 1 }
        XCTAssertEqual(ties.map(\.figure), [.count(.all, minimal), .count(.all, severe)])
        XCTAssertEqual(AuditComponent.unshared(tables, pattern, protection: audit.protection), [])
        let blocks = audit.blocks(tables, pattern)
        XCTAssertEqual(blocks, [["学校1", "学校6"], ["学校2", "学校3", "学校4", "学校5"]])
        XCTAssertTrue(Self.shares(blocks, ties), "\(blocks)")
        pattern.hidden = audit.repair(tables, pattern: pattern).hidden
        XCTAssertFalse(pattern.isHidden(severe, of: .all))
        XCTAssertEqual(audit.blocks(tables, pattern), blocks)
        let joint = audit.audit(tables, pattern: pattern, asOneProgram: true)
        XCTAssertEqual(joint.violations, [])
        XCTAssertTrue(joint.intervals.contains { $0.unit.level == .school && $0.cell == severe })
    }
}
