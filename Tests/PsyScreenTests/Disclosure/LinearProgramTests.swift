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
}
