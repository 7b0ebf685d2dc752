import PsyScreen
import XCTest

/// The example given to the report: one school, 2 grades × 3 classes, a scale with 4 bands, class 2C with only
/// 7 students enrolled. Written against the public API only.
final class SuppressionExampleTests: XCTestCase {
    func testOneSchoolTwoGradesThreeClassesFourBands() throws {
        let bands = ["minimal", "mild", "moderate", "severe"]
        // Band counts per class (screened students), and enrolment.
        let classes: [(grade: String, name: String, enrolment: Int, counts: [Int])] = [
            ("G1", "1A", 40, [22, 9, 6, 1]), ("G1", "1B", 38, [20, 12, 5, 0]), ("G1", "1C", 41, [25, 10, 4, 2]),
            ("G2", "2A", 39, [21, 11, 4, 3]), ("G2", "2B", 42, [24, 13, 5, 0]), ("G2", "2C", 7, [4, 2, 1, 0]),
        ]

        var problem = SuppressionProblem()
        /// Adds a unit's n and band cells with its partition equation; returns [n] + bands.
        func addRow(_ label: String, enrolment: Int, counts: [Int]) throws -> [SuppressionProblem.CellID] {
            let unit = try problem.addUnit(label, enrolment: enrolment)  // enrolment < k marks a small unit
            let n = try problem.addCell("\(label) n", value: counts.reduce(0, +), unit: unit, sensitive: false)
            let parts = try zip(bands, counts).map { band, count in
                try problem.addCell("\(label) \(band)", value: count, unit: unit)
            }
            try problem.addEquation(n, equals: parts, kind: .partition)
            return [n] + parts
        }
        func sum(_ rows: [[Int]]) -> [Int] { (0..<bands.count).map { i in rows.reduce(0) { $0 + $1[i] } } }

        var gradeRows: [[SuppressionProblem.CellID]] = []
        for grade in ["G1", "G2"] {
            let members = classes.filter { $0.grade == grade }
            let classRows = try members.map { try addRow($0.name, enrolment: $0.enrolment, counts: $0.counts) }
            let gradeRow = try addRow(
                grade, enrolment: members.reduce(0) { $0 + $1.enrolment },
                counts: sum(members.map(\.counts)))
            for column in gradeRow.indices {  // grade = Σ classes, for n and for each band
                try problem.addEquation(gradeRow[column], equals: classRows.map { $0[column] }, kind: .hierarchy)
            }
            gradeRows.append(gradeRow)
        }
        let schoolRow = try addRow(
            "School", enrolment: classes.reduce(0) { $0 + $1.enrolment },
            counts: sum(classes.map(\.counts)))
        for column in schoolRow.indices {
            try problem.addEquation(schoolRow[column], equals: gradeRows.map { $0[column] }, kind: .hierarchy)
        }

        let result = CellSuppressor(threshold: try MinimumCellSize(10)).suppress(problem)
        let shown = problem.cellIDs.map { id in
            "\(problem[id].label)=\(DisclosureFormat.count(result.isHidden(id) ? nil : problem[id].value))"
        }

        // 2C is a small unit: all its cells are hidden, its enrolment (7) is printed by the caller.
        for label in ["2C n", "2C minimal", "2C mild", "2C moderate", "2C severe"] {
            XCTAssertTrue(shown.contains("\(label)=—"), label)
        }
        XCTAssertTrue(shown.contains("School n=204"))
        XCTAssertTrue(shown.contains("1B severe=0"), "zeros are published")
        XCTAssertTrue(Set(problem.recoverableCells(hidden: result.hidden)).isDisjoint(with: result.protected))
        XCTAssertEqual(result.exposedZeros, [])
    }
}
