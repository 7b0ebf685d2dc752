import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// A report's two halves of the roster are counted on two threads, the second into an emptied copy of the
/// aggregator, and merged: the tables must be those of counting everyone into one.
final class CohortAggregatorMergeTests: XCTestCase {
    func testTwoHalvesMergedAreTheWholeCountedAtOnce() {
        let columns = CohortColumn.columns(of: [Fixtures.instrument("phq9"), Fixtures.instrument("gad7")])
        var random = SplitMix64(seed: 7)
        var students: [(entry: CohortEntry, names: [String])] = []
        for index in 0..<3_000 {
            var entry = CohortEntry(columns: columns)
            entry.status = [.enrolled, .enrolled, .enrolled, .leave, .withdrawn][index % 5]
            entry.state = [.screened, .screened, .partial, .refused, .notScreened][Int.random(in: 0..<5, using: &random)]
            entry.level = [.none, .yellow, .orange, .red][Int.random(in: 0..<4, using: &random)]
            for (column, scale) in columns.enumerated() where Int.random(in: 0..<10, using: &random) > 0 {
                let score = Int.random(in: scale.scaledRange, using: &random)
                entry.scores[column] = score
                entry.bands[column] = scale.bands.firstIndex { $0.scaledRange.contains(score) }
                for item in entry.items[column].indices where Int.random(in: 0..<20, using: &random) > 0 {
                    entry.items[column][item] = Int.random(in: 0...3, using: &random)
                }
            }
            let names = ["S\(index % 3)", "G\(index % 2)", "C\(index % 7)", index % 2 == 0 ? "F" : "M", "M\(index % 4)"]
            students.append((entry, names))
        }
        var whole = CohortAggregator(columns: columns)
        var first = CohortAggregator(columns: columns)
        var leaves: [Int] = []
        for (entry, names) in students {
            whole.add(
                entry, leaf: whole.leaf(school: names[0], grade: names[1], className: names[2], gender: names[3], major: names[4])
            )
            leaves.append(first.leaf(school: names[0], grade: names[1], className: names[2], gender: names[3], major: names[4]))
        }
        var second = first.emptied()
        for (index, student) in students.enumerated() {
            if index < 1_234 {
                first.add(student.entry, leaf: leaves[index])
            } else {
                second.add(student.entry, leaf: leaves[index])
            }
        }
        XCTAssertNotEqual(first.tables(), whole.tables(), "the first half alone is not the whole")
        first.merge(second)
        XCTAssertEqual(first.tables(), whole.tables())
        XCTAssertEqual(first.tables().units[.all]?.enrolled, 1_800)
    }
}
