import PsyScreen
import XCTest

final class SuppressionTests: XCTestCase {
    let suppressor = CellSuppressor()  // k = 10

    /// The protected cells a reader can still compute. Must be empty after suppression (or only exposed zeros).
    func leaks(_ problem: SuppressionProblem, _ result: SuppressionResult) -> Set<SuppressionProblem.CellID> {
        Set(problem.recoverableCells(hidden: result.hidden)).intersection(result.protected)
    }

    func testLoneHiddenCellBesidePublishedTotalGetsTheSmallestComplement() throws {
        let table = try UnitTable(categories: ["a", "b", "c"], roots: [.leaf("1A", [15, 12, 3])])
        let result = suppressor.suppress(table.problem)
        XCTAssertEqual(result.reasons, [table["1A", "c"]: .smallCount, table["1A", "b"]: .complementary])
        XCTAssertFalse(result.isHidden(table["1A", "n"]))
        XCTAssertTrue(leaks(table.problem, result).isEmpty)
        // Without the complement, c = 30 − 15 − 12.
        XCTAssertEqual(table.problem.recoverableCells(hidden: [table["1A", "c"]]), [table["1A", "c"]])
    }

    func testZeroCellsAreNeverComplements() throws {
        let table = try UnitTable(categories: ["a", "b", "c"], roots: [.leaf("1A", [27, 0, 3])])
        let result = suppressor.suppress(table.problem)
        XCTAssertEqual(result.hidden, [table["1A", "c"], table["1A", "a"]], "27 rather than the zero")
        XCTAssertTrue(leaks(table.problem, result).isEmpty)
    }

    func testComplementRuleHidesEveryoneButTwo() throws {
        // 10 of 12 students positive: publishing 10 says "everyone in 1A but 2 is positive".
        let table = try UnitTable(categories: ["positive", "negative"], roots: [.leaf("1A", [10, 2])])
        let result = suppressor.suppress(table.problem)
        XCTAssertEqual(result.reasons[table["1A", "negative"]], .smallCount)
        XCTAssertEqual(result.reasons[table["1A", "positive"]], .smallRemainder)
        XCTAssertFalse(result.isHidden(table["1A", "n"]), "n alone does not split 12 into 10 + 2")
        XCTAssertTrue(leaks(table.problem, result).isEmpty)
    }

    func testEveryonePositiveIsLeftToThePercentageRule() throws {
        // The rule hides a part whose remainder is 1…k−1; a remainder of 0 sits beside a published zero, and
        // hiding the 12 would not hide anything while "negative: 0" is shown. The percentage never says 100 %.
        let table = try UnitTable(categories: ["positive", "negative"], roots: [.leaf("1A", [12, 0])])
        XCTAssertTrue(suppressor.suppress(table.problem).hidden.isEmpty)
        XCTAssertEqual(DisclosureFormat.percent(12, of: 12, threshold: .standard), ">95%")
    }

    func testGradeMinusClassesDifferencingIsBlocked() throws {
        // Warning levels; `none` is never published but completes n.
        let levels = [
            UnitTable.Category(name: "red"), UnitTable.Category(name: "orange"), UnitTable.Category(name: "yellow"),
            UnitTable.Category(name: "none", published: false),
        ]
        let table = try UnitTable(
            categories: levels,
            roots: [
                .unit(
                    "G1",
                    [
                        .leaf("1A", [3, 10, 0, 17]),
                        .leaf("1B", [12, 10, 0, 18]),
                        .leaf("1C", [15, 11, 0, 14]),
                    ])
            ])
        let problem = table.problem
        // Without complements, 1A's red is the grade's red minus the other classes'.
        XCTAssertEqual(
            problem.recoverableCells(hidden: [table["1A", "red"]]).filter { problem[$0].isPublished },
            [table["1A", "red"]])

        let result = suppressor.suppress(problem)
        XCTAssertEqual(result.reasons[table["1A", "red"]], .smallCount)
        XCTAssertTrue(leaks(problem, result).isEmpty)
        let sameRow = ["1B", "1C"].map { table[$0, "red"] } + [table["G1", "red"]]
        let sameClass = ["orange", "n"].map { table["1A", $0] }
        XCTAssertTrue((sameRow + sameClass).contains { result.reasons[$0] == .complementary })
        XCTAssertFalse(result.isHidden(table["1A", "yellow"]), "zero")
        XCTAssertFalse(result.isHidden(table["1B", "yellow"]), "zero")
    }

    func testSmallClassShowsOnlyItsEnrolmentAndCannotBeDifferencedOut() throws {
        let table = try UnitTable(
            categories: ["minimal", "mild", "moderate", "severe"],
            roots: [
                .unit(
                    "G1",
                    [
                        .leaf("1A", enrolment: 6, [3, 2, 1, 0]),
                        .leaf("1B", [14, 12, 10, 10]),
                        .leaf("1C", [16, 11, 12, 10]),
                    ])
            ])
        let problem = table.problem
        XCTAssertEqual(problem[table.unitOfLabel["1A"]!].enrolment, 6, "the one figure the report prints for 1A")
        let result = suppressor.suppress(problem)
        for cell in table.cells(of: "1A") {
            XCTAssertTrue(result.isHidden(cell), problem[cell].label)
        }
        XCTAssertEqual(result.reasons[table["1A", "severe"]], .smallUnit, "even its zero")
        XCTAssertTrue(leaks(problem, result).isEmpty)
        XCTAssertTrue(result.exposedZeros.isEmpty)
        // Its grade is still published.
        XCTAssertFalse(result.isHidden(table["G1", "n"]))
        XCTAssertFalse(result.isHidden(table["G1", "minimal"]))
        // Each 1A figure would otherwise be the grade's minus 1B's and 1C's.
        for category in ["n", "minimal", "mild", "moderate", "severe"] {
            let others = ["1B", "1C"].map { table[$0, category] } + [table["G1", category]]
            XCTAssertTrue(others.contains { result.isHidden($0) }, category)
        }
    }

    func testSmallUnitZeroImpliedByPublishedZerosIsReportedNotHidden() throws {
        // Nobody in the grade is severe: 1A's zero follows from the grade's zero, and zeros are never hidden.
        let table = try UnitTable(
            categories: ["minimal", "severe"],
            roots: [
                .unit("G1", [.leaf("1A", enrolment: 6, [6, 0]), .leaf("1B", [30, 0]), .leaf("1C", [25, 0])])
            ])
        let result = suppressor.suppress(table.problem)
        XCTAssertTrue(result.isHidden(table["1A", "severe"]))
        XCTAssertEqual(result.exposedZeros, [table["1A", "severe"]])
        XCTAssertEqual(leaks(table.problem, result), [table["1A", "severe"]])
        XCTAssertFalse(result.isHidden(table["G1", "severe"]))
    }

    func testUnpublishedSmallCountIsProtectedToo() throws {
        // none = 4 is never shown, but n − red − orange would give it: "all but 4 are at a warning level".
        let levels = [
            UnitTable.Category(name: "red"), UnitTable.Category(name: "orange"),
            UnitTable.Category(name: "none", published: false),
        ]
        let table = try UnitTable(categories: levels, roots: [.leaf("1A", [15, 11, 4])])
        let result = suppressor.suppress(table.problem)
        XCTAssertTrue(result.protected.contains(table["1A", "none"]))
        XCTAssertFalse(result.isHidden(table["1A", "none"]), "unpublished cells are not in the hidden set")
        XCTAssertEqual(result.reasons[table["1A", "orange"]], .complementary, "11, smaller than 15 and 30")
        XCTAssertTrue(leaks(table.problem, result).isEmpty)
    }

    func testIndependentSchoolsAreSolvedAlike() throws {
        let schoolA = UnitTable.Node.unit("A", [.leaf("A1", [3, 12, 15]), .leaf("A2", [11, 2, 20])])
        let schoolB = UnitTable.Node.unit("B", [.leaf("B1", [4, 14, 15]), .leaf("B2", [21, 1, 13])])
        let both = try UnitTable(categories: ["x", "y", "z"], roots: [schoolA, schoolB])
        let aliceOnly = try UnitTable(categories: ["x", "y", "z"], roots: [schoolA])
        let together = suppressor.suppress(both.problem)
        let alone = suppressor.suppress(aliceOnly.problem)
        let labels = { (table: UnitTable, result: SuppressionResult) in
            Set(result.hidden.map { table.problem[$0].label }.filter { $0.hasPrefix("A") })
        }
        XCTAssertEqual(labels(both, together), labels(aliceOnly, alone))
        XCTAssertTrue(leaks(both.problem, together).isEmpty)
    }

    func testThresholdBelowFiveIsRefused() throws {
        XCTAssertThrowsError(try MinimumCellSize(4)) { error in
            XCTAssertEqual((error as? DisclosureSettingError)?.requestedK, 4)
            XCTAssertEqual(
                "\(error)",
                "minimum cell size 4 is too small: disclosure control needs k ≥ 5"
                    + " (the default is 10)")
        }
        XCTAssertEqual(try MinimumCellSize(5).k, 5)
        XCTAssertEqual(MinimumCellSize.standard.k, 10)
    }

    func testThresholdIsConfigurable() throws {
        let table = try UnitTable(categories: ["a", "b", "c"], roots: [.leaf("1A", [15, 12, 7])])
        XCTAssertTrue(CellSuppressor(threshold: try MinimumCellSize(5)).suppress(table.problem).hidden.isEmpty)
        XCTAssertEqual(suppressor.suppress(table.problem).hidden.count, 2)
    }

    func testPrimaryRulePredicates() throws {
        let k = MinimumCellSize.standard
        XCTAssertFalse(k.isSmall(0), "zeros are published")
        XCTAssertTrue(k.isSmall(1))
        XCTAssertTrue(k.isSmall(9))
        XCTAssertFalse(k.isSmall(10))
        XCTAssertTrue(k.isSmallRemainder(part: 10, total: 12))
        XCTAssertFalse(k.isSmallRemainder(part: 12, total: 12), "remainder 0")
        XCTAssertTrue(k.isSmallRemainder(part: 0, total: 5), "0 red of 5 says all 5 are not red")
        XCTAssertFalse(k.isSmallRemainder(part: 0, total: 10), "a zero beside a total of k or more is published")
        XCTAssertFalse(k.isSmallRemainder(part: 10, total: 20))
    }

    func testInconsistentEquationIsRefused() throws {
        var problem = SuppressionProblem()
        let total = try problem.addCell("n", value: 10, sensitive: false)
        let parts = [try problem.addCell("a", value: 4), try problem.addCell("b", value: 5)]
        XCTAssertThrowsError(try problem.addEquation(total, equals: parts, kind: .partition)) { error in
            XCTAssertEqual("\(error)", "'n' is 10 but its parts add up to 9")
        }
        XCTAssertThrowsError(try problem.addCell("c", value: -1))
        XCTAssertThrowsError(try problem.addEquation(total, equals: [parts[0], parts[0]], kind: .partition))
    }
}
