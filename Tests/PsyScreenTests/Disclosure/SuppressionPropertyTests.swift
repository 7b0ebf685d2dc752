import PsyScreenTestSupport
import PsyScreen
import XCTest

/// Suppression on generated tables (fixed seeds), checked against the rules and against a naive dense rank test.
final class SuppressionPropertyTests: XCTestCase {
    typealias CellID = SuppressionProblem.CellID

    /// A school of 1–3 grades × 1–4 classes, 2–4 published categories and sometimes an unpublished one, with
    /// many small counts, zeros and small classes (some with more students enrolled than screened).
    static func randomSchool(_ rng: inout SplitMix64) throws -> UnitTable {
        var categories = (0..<Int.random(in: 2...4, using: &rng)).map { UnitTable.Category(name: "c\($0)") }
        if Bool.random(using: &rng) { categories.append(UnitTable.Category(name: "none", published: false)) }
        let grades = (0..<Int.random(in: 1...3, using: &rng)).map { g in
            UnitTable.Node.unit(
                "G\(g)",
                (0..<Int.random(in: 1...4, using: &rng)).map { c in
                    let counts = categories.map { _ in
                        [
                            0, 0, Int.random(in: 1...4, using: &rng), Int.random(in: 1...15, using: &rng),
                            Int.random(in: 8...30, using: &rng),
                        ].randomElement(using: &rng)!
                    }
                    let n = counts.reduce(0, +)
                    let enrolment = Int.random(in: 0...3, using: &rng) == 0 ? n + Int.random(in: 0...6, using: &rng) : n
                    return .leaf("G\(g)C\(c)", enrolment: enrolment, counts)
                })
        }
        return try UnitTable(categories: categories, roots: [.unit("S", grades)])
    }

    func testNoProtectedCellIsRecoverableAfterSuppression() throws {
        var rng = SplitMix64(seed: 2026)
        let k = MinimumCellSize.standard
        for round in 0..<120 {
            let table = try Self.randomSchool(&rng)
            let problem = table.problem
            let result = CellSuppressor(threshold: k).suppress(problem)
            let context = "round \(round)"

            let recoverable = Set(problem.recoverableCells(hidden: result.hidden))
            XCTAssertEqual(recoverable, NaiveRecoverability.recoverable(in: problem, hidden: result.hidden), context)
            let leaks = recoverable.intersection(result.protected)
            XCTAssertEqual(leaks, Set(result.exposedZeros), context)
            // Only zeros of small units or small totals, which follow from published zeros (a grade with no one
            // in the category): they say nothing the published zeros do not.
            for cell in leaks {
                XCTAssertEqual(problem[cell].value, 0, context)
                XCTAssertTrue([.smallUnit, .smallRemainder].contains(result.reasons[cell]), context)
            }

            for id in problem.cellIDs {
                let cell = problem[id]
                if result.reasons[id] == .complementary { XCTAssertGreaterThan(cell.value, 0, context) }
                if !cell.isPublished { XCTAssertNil(result.reasons[id], context) }
                guard cell.isPublished else { continue }
                if cell.isSensitive, k.isSmall(cell.value) { XCTAssertTrue(result.isHidden(id), context) }
                if problem[cell.unit!].enrolment < k.k { XCTAssertTrue(result.isHidden(id), context) }
            }
            for equation in problem.equations where equation.kind == .partition {
                for part in equation.parts
                where problem[part].isPublished && problem[part].isSensitive
                    && k.isSmallRemainder(part: problem[part].value, total: problem[equation.total].value)
                {
                    XCTAssertTrue(result.isHidden(part), context)
                }
            }
            XCTAssertEqual(CellSuppressor(threshold: k).suppress(problem), result, "deterministic, \(context)")
        }
    }

    func testRecoverableCellsAgreesWithNaiveRankTest() throws {
        var rng = SplitMix64(seed: 7)
        for round in 0..<150 {
            let problem = try Self.randomSchool(&rng).problem
            let hidden = Set(problem.cellIDs.filter { _ in Int.random(in: 0..<4, using: &rng) == 0 })
            XCTAssertEqual(
                Set(problem.recoverableCells(hidden: hidden)),
                NaiveRecoverability.recoverable(in: problem, hidden: hidden), "round \(round)")
        }
    }

    func testOverflowFallsBackToHidingEveryNonZeroCell() throws {
        var rng = SplitMix64(seed: 11)
        let table = try Self.randomSchool(&rng)
        let problem = table.problem
        // A coefficient limit of 0 makes the first elimination step "overflow".
        let result = CellSuppressor(threshold: .standard, coefficientLimit: 0).suppress(problem)
        XCTAssertTrue(result.usedFallback)
        for id in problem.cellIDs where problem[id].isPublished && problem[id].value > 0 {
            XCTAssertTrue(result.isHidden(id))
        }
        let leaks = Set(problem.recoverableCells(hidden: result.hidden)).intersection(result.protected)
        XCTAssertTrue(leaks.allSatisfy { problem[$0].value == 0 })
        XCTAssertFalse(CellSuppressor().suppress(problem).usedFallback)
    }

    /// ~20 schools × 3 grades × 20 classes × (n + 5 categories) ≈ 7,700 cells in one component (the district
    /// total ties the schools together): a scale's bands, all published, and the warning levels, whose `none` is
    /// never published (1,281 unknowns before any suppression); then larger classes, where fewer counts are
    /// small and more complements are needed.
    func testDistrictSizedProblemIsFast() throws {
        let bands = ["minimal", "mild", "moderate", "modsevere", "severe"].map { UnitTable.Category(name: $0) }
        try checkDistrict(categories: bands, shares: [0.55, 0.25, 0.12, 0.05, 0.03], seed: 42)
        let levels =
            ["red", "orange", "yellow", "unassigned"].map { UnitTable.Category(name: $0) }
            + [UnitTable.Category(name: "none", published: false)]
        try checkDistrict(categories: levels, shares: [0.04, 0.08, 0.2, 0, 0.68], seed: 43)
        try checkDistrict(categories: bands, shares: [0.6, 0.2, 0.1, 0.06, 0.04], seed: 44, sizes: 80...140)
        try checkDistrict(categories: levels, shares: [0.05, 0.1, 0.15, 0.01, 0.69], seed: 45, sizes: 60...140)
    }

    private func checkDistrict(
        categories: [UnitTable.Category], shares: [Double], seed: UInt64, sizes: ClosedRange<Int> = 30...50
    ) throws {
        var rng = SplitMix64(seed: seed)
        let schools = (0..<20).map { s in
            UnitTable.Node.unit(
                "S\(s)",
                (0..<3).map { g in
                    UnitTable.Node.unit(
                        "S\(s)G\(g)",
                        (0..<20).map { c in
                            let size =
                                Int.random(in: 0..<20, using: &rng) == 0
                                ? Int.random(in: 5...9, using: &rng) : Int.random(in: sizes, using: &rng)
                            var counts = Array(repeating: 0, count: shares.count)
                            for _ in 0..<size {
                                var u = Double.random(in: 0..<1, using: &rng)
                                let band =
                                    shares.firstIndex {
                                        u -= $0
                                        return u < 0
                                    } ?? shares.count - 1
                                counts[band] += 1
                            }
                            return .leaf("S\(s)G\(g)C\(c)", counts)
                        })
                })
        }
        let table = try UnitTable(categories: categories, roots: [.unit("District", schools)])
        let problem = table.problem
        XCTAssertEqual(problem.cells.count, (1 + 20 + 60 + 1200) * 6)

        let start = ContinuousClock.now
        let result = CellSuppressor().suppress(problem)
        let elapsed = ContinuousClock.now - start
        print(
            "district: \(problem.cells.count) cells, \(result.hidden.count) hidden"
                + " (\(result.reasons.values.filter { $0 == .complementary }.count) complements) in \(elapsed)")
        XCTAssertLessThan(elapsed, .seconds(5), "debug build; the release build is much faster")

        let leaks = Set(problem.recoverableCells(hidden: result.hidden)).intersection(result.protected)
        XCTAssertEqual(leaks, Set(result.exposedZeros))
        XCTAssertFalse(result.isHidden(table["District", "n"]))
    }
}
