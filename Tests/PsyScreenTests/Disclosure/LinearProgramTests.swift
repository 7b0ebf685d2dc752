import XCTest

@testable import PsyScreen

/// The GLPK wrapper the audit solves its programs with.
final class LinearProgramTests: XCTestCase {
    func testTheSameObjectiveOverAnUnchangedProgramIsNotSolvedAgain() {
        let program = LinearProgram()
        let x = program.addColumn(upper: 10), y = program.addColumn(upper: 10)
        let row = program.addRow([(x, 1), (y, 1)], lower: nil, upper: 4)
        XCTAssertEqual(program.optimize([(x, 1)], maximize: true), .optimal(4))
        XCTAssertEqual(program.simplexRuns, 1)
        XCTAssertEqual(program.optimize([(x, 1)], maximize: true), .optimal(4))
        XCTAssertEqual(program.simplexRuns, 1)
        XCTAssertNotEqual(program.dual(ofRow: row), 0)
        // Another direction, or the row freed: solved again.
        XCTAssertEqual(program.optimize([(x, 1)], maximize: false), .optimal(0))
        XCTAssertEqual(program.simplexRuns, 2)
        XCTAssertEqual(program.optimize([(x, 1)], maximize: true), .optimal(4))
        XCTAssertEqual(program.simplexRuns, 3)
        program.freeRow(row)
        XCTAssertEqual(program.optimize([(x, 1)], maximize: true), .optimal(10))
        XCTAssertEqual(program.simplexRuns, 4)
    }

    func testARowsRelationIsItsTermsInColumnOrderAndItsBounds() {
        let program = LinearProgram()
        let x = program.addColumn(upper: 10), y = program.addColumn(upper: 10)
        let first = program.addRow([(y, 1), (x, 2)], lower: 3, upper: 3)
        let second = program.addRow([(x, 2), (y, 1)], lower: 3, upper: 3)
        let third = program.addRow([(x, 2), (y, 1)], lower: 3, upper: 4)
        XCTAssertEqual(program.relation(ofRow: first), program.relation(ofRow: second))
        XCTAssertNotEqual(program.relation(ofRow: first), program.relation(ofRow: third))
        XCTAssertEqual(program.relation(ofRow: first).columns, [1, 2])
        XCTAssertEqual(program.relation(ofRow: first).coefficients, [2, 1])
    }

    /// Three leaves, each a ≤ 1.4 with a + b = 3: the LP optimum of Σa has every leaf fractional (a 1.4, b 1.6).
    func testADiveRoundsEveryFractionalLeafInOneStepAndLeavesTheOptimumToRestartFrom() {
        let program = LinearProgram()
        var blocks: [[Int]] = []
        for _ in 0..<3 {
            let a = program.addColumn(upper: 3, integer: true), b = program.addColumn(upper: 3, integer: true)
            program.addRow([(a, 1), (b, 1)], lower: 3, upper: 3)
            program.addRow([(a, 5)], lower: nil, upper: 7)
            blocks.append([a, b])
        }
        let objective = blocks.map { ($0[0], 1.0) }
        guard case .optimal(let value) = program.optimize(objective, maximize: true) else { return XCTFail() }
        XCTAssertEqual(value, 4.2, accuracy: 1e-9)
        XCTAssertFalse(program.lastOptimumIsIntegral)
        let point = program.dive(depth: 10, blocks: blocks)
        XCTAssertEqual(point?.map { $0.rounded() }, [1, 2, 1, 2, 1, 2])
        // One step rounds the three leaves; the next finds them whole (one at a time took four).
        XCTAssertEqual(program.diveSteps, 2)
        XCTAssertEqual(program.diveFailures, 0)
        // The bounds and the optimum's basis are back: the same objective again takes no pivot.
        let pivots = program.iterations
        guard case .optimal(let again) = program.optimize(objective, maximize: true) else { return XCTFail() }
        XCTAssertEqual(again, value, accuracy: 1e-9)
        XCTAssertEqual(program.iterations, pivots)
    }
}
