import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Rejected paper records: every problem by column, and a crisis answer on a rejected sheet is never lost.
final class PaperResultsLayoutTests: XCTestCase {
    private static let note =
        "raises the crisis flag phq9.item9 on this rejected record: check the paper form and see the student today"

    /// Parses each data record of `text` (a header and PHQ-9 items) and returns its problems.
    private func problems(_ text: String) throws -> [[PaperResultsLayout.Problem]] {
        let scratch = try ScratchDirectory()
        let reader = try CSVReader(path: try scratch.file("in.csv", Array(text.utf8)))
        let header = try XCTUnwrap(try reader.nextRecord { $0.strings })
        let layout = try PaperResultsLayout(header: header, instruments: [Fixtures.instrument("phq9")], file: "in.csv")
        var answers = layout.emptyAnswers()
        var all: [[PaperResultsLayout.Problem]] = []
        try reader.forEachRecord { record in
            var found: [PaperResultsLayout.Problem] = []
            layout.parse(record, into: &answers, problems: &found)
            all.append(found)
        }
        return all
    }

    func testARejectedRecordThatEndorsesItem9SaysSo() throws {
        let header = "student_id," + (1...9).map { "phq9_\($0)" }.joined(separator: ",")
        let found = try problems(
            header + "\n"
                + "S1,9,0,0,0,0,0,0,0,2\n"  // rejected for item 1, item 9 = 2: the note
                + "S2,9,0,0,0,0,0,0,0,0\n"  // rejected, item 9 = 0: no note
                + "S3,0,0,0,0,0,0,0,0,x\n"  // item 9 itself is bad: nothing to say about it but that
                + "S4,0,0,0,0,0,0,0,0,3\n"  // valid: no problem at all
                + "S5,1,1\n")  // wrong field count: the columns cannot be trusted, no note
        XCTAssertEqual(found, [
            [
                .init(line: 2, column: "phq9_1", value: "9", reason: "is not one of the options (0, 1, 2, 3)"),
                .init(line: 2, column: "phq9_9", value: "2", reason: Self.note),
            ],
            [.init(line: 3, column: "phq9_1", value: "9", reason: "is not one of the options (0, 1, 2, 3)")],
            [.init(line: 4, column: "phq9_9", value: "x", reason: "is not a number")],
            [],
            [.init(line: 6, column: "", value: "", reason: "expected 10 fields, found 3")],
        ])
    }

    func testAnInvalidItem9IsNotTakenFromThePreviousRecord() throws {
        // The answer arrays are reused from record to record: a bad item 9 must not keep the last one's value.
        let header = "student_id," + (1...9).map { "phq9_\($0)" }.joined(separator: ",")
        let found = try problems(header + "\nS1,0,0,0,0,0,0,0,0,3\nS2,9,0,0,0,0,0,0,0,7\n")
        XCTAssertEqual(found[1], [
            .init(line: 3, column: "phq9_1", value: "9", reason: "is not one of the options (0, 1, 2, 3)"),
            .init(line: 3, column: "phq9_9", value: "7", reason: "is not one of the options (0, 1, 2, 3)"),
        ])
    }
}
