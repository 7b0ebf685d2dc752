import PsyScreen
import XCTest

final class KAnonymizerTests: XCTestCase {
    struct Row: Equatable {
        var ids: QuasiIdentifiers
        var score: Int
    }

    static func rows(_ school: String, _ grade: String, _ gender: String, _ count: Int) -> [Row] {
        (0..<count).map { Row(ids: QuasiIdentifiers(school: school, grade: grade, gender: gender), score: $0) }
    }

    func groups(_ rows: [Row]) -> [String: Int] {
        Dictionary(grouping: rows) { "\($0.ids.school)/\($0.ids.grade)/\($0.ids.gender)" }.mapValues(\.count)
    }

    func testGeneralizesGenderThenGradeThenWithholds() throws {
        let input =
            Self.rows("A", "1", "F", 12) + Self.rows("A", "1", "M", 11)  // kept as is
            + Self.rows("A", "2", "F", 20) + Self.rows("A", "2", "M", 3)  // gender → * for all of grade 2
            + Self.rows("A", "3", "F", 4) + Self.rows("A", "3", "M", 3)  // grades 3 and 4 pool in A/*/*
            + Self.rows("A", "4", "M", 5)
            + Self.rows("B", "1", "F", 4) + Self.rows("B", "1", "M", 14)  // gender → *
            + Self.rows("B", "2", "M", 3)  // alone in B/*/*: withheld
        let output = KAnonymizer(threshold: .standard).anonymize(input, identifiers: \.ids)

        XCTAssertEqual(
            groups(output.rows),
            [
                "A/1/F": 12, "A/1/M": 11, "A/2/*": 23, "A/*/*": 12, "B/1/*": 18,
            ])
        XCTAssertEqual(output.summary.inputRows, 79)
        XCTAssertEqual(output.summary.genderGeneralized, 23 + 18)
        XCTAssertEqual(output.summary.gradeGeneralized, 12)
        XCTAssertEqual(output.summary.withheld, 3)
        XCTAssertEqual(
            output.summary.description,
            "79 rows: 41 with gender generalized, 12 with grade and gender generalized, 3 withheld"
                + " (classes below k)")
        XCTAssertTrue(groups(output.rows).values.allSatisfy { $0 >= 10 })
        // Payload untouched, order kept.
        XCTAssertEqual(output.rows.first, input.first)
    }

    func testLargeGroupsAreUntouchedAndKIsConfigurable() throws {
        let input = Self.rows("A", "1", "F", 6) + Self.rows("A", "1", "M", 7)
        let atTen = KAnonymizer().anonymize(input, identifiers: \.ids)
        XCTAssertEqual(groups(atTen.rows), ["A/1/*": 13])
        let atFive = KAnonymizer(threshold: try MinimumCellSize(5)).anonymize(input, identifiers: \.ids)
        XCTAssertEqual(atFive.rows, input)
        XCTAssertEqual(
            atFive.summary.genderGeneralized + atFive.summary.gradeGeneralized
                + atFive.summary.withheld, 0)
    }
}
