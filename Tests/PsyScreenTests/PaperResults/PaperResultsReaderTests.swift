import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The one reader of paper results: what each record is (sheet, rejected, blank), every problem by field, a
/// crisis answer on a rejected sheet never lost, repeated IDs found after the read.
final class PaperResultsReaderTests: XCTestCase {
    private static let header = "student_id," + (1...9).map { "phq9_\($0)" }.joined(separator: ",")

    /// What each data record of `text` (a header and PHQ-9 items) is, with its problems, and the repeats.
    private func read(
        _ text: String, requireStudentID: Bool = false
    ) throws
        -> (records: [(PaperResultsReader.Kind, [RecordProblem])], repeats: [RecordProblem])
    {
        let scratch = try ScratchDirectory()
        let source = try CSVReader(path: try scratch.file("in.csv", Array(text.utf8)))
        let reader = try PaperResultsReader(
            source: source, instruments: [Fixtures.instrument("phq9")],
            options: .init(requireStudentID: requireStudentID, scratchDirectory: scratch.path))
        var records: [(PaperResultsReader.Kind, [RecordProblem])] = []
        while let (kind, record) = try reader.next() {
            records.append((kind, kind == .rejected ? reader.problems : []))
            if kind == .sheet { try reader.rememberStudentID(record) }
        }
        var repeats: [RecordProblem] = []
        try reader.forEachRepeat { repeats.append($0.problem) }
        return (records, repeats)
    }

    private func notAnOption(_ line: Int, _ field: Int, _ value: String) -> RecordProblem {
        RecordProblem(line: line, field: field, column: "phq9_\(field - 1)", value: value, reason: .notAnOption([0, 1, 2, 3]))
    }

    func testARejectedRecordThatEndorsesItem9SaysSo() throws {
        let found = try read(
            Self.header + "\n"
                + "S1,9,0,0,0,0,0,0,0,2\n"  // rejected for item 1, item 9 = 2: the note
                + "S2,9,0,0,0,0,0,0,0,0\n"  // rejected, item 9 = 0: no note
                + "S3,0,0,0,0,0,0,0,0,x\n"  // item 9 itself is bad: nothing to say about it but that
                + "S4,0,0,0,0,0,0,0,0,3\n"  // valid: a sheet
                + "S5,1,1\n")  // wrong field count: the columns cannot be trusted, no note
        XCTAssertEqual(found.records.map(\.0), [.rejected, .rejected, .rejected, .sheet, .rejected])
        XCTAssertEqual(
            found.records.map(\.1),
            [
                [
                    notAnOption(2, 2, "9"),
                    RecordProblem(
                        .crisis, line: 2, field: 10, column: "phq9_9", value: "2",
                        reason: .crisisOnRejectedRecord(flag: "phq9.item9")),
                ],
                [notAnOption(3, 2, "9")],
                [RecordProblem(line: 4, field: 10, column: "phq9_9", value: "x", reason: .notANumber)],
                [],
                [RecordProblem(line: 6, reason: .wrongFieldCount(expected: 10, found: 3))],
            ])
    }

    func testAnInvalidItem9IsNotTakenFromThePreviousRecord() throws {
        // The answers are reused from record to record: a bad item 9 must not keep the last one's value.
        let found = try read(Self.header + "\nS1,0,0,0,0,0,0,0,0,3\nS2,9,0,0,0,0,0,0,0,7\n")
        XCTAssertEqual(found.records[1].1, [notAnOption(3, 2, "9"), notAnOption(3, 10, "7")])
    }

    func testBlankRecordsAreSkippedWhetherEmptyOrSpaces() throws {
        let found = try read(Self.header + "\n,,,,,,,,,\n  , ,\t,,,,,,, \nS1,,,,,,,,,\n", requireStudentID: true)
        XCTAssertEqual(found.records.map(\.0), [.blank, .blank, .sheet])
    }

    func testAnEmptyStudentIDIsRejectedOnlyWhereOneIsRequired() throws {
        let text = Self.header + "\n ,0,0,0,0,0,0,0,0,1\n"
        XCTAssertEqual(try read(text).records.map(\.0), [.sheet])
        XCTAssertEqual(
            try read(text, requireStudentID: true).records.map(\.1),
            [
                [
                    RecordProblem(line: 2, field: 1, column: "student_id", value: " ", reason: .emptyStudentID),
                    RecordProblem(
                        .crisis, line: 2, field: 10, column: "phq9_9", value: "1",
                        reason: .crisisOnRejectedRecord(flag: "phq9.item9")),
                ]
            ])
    }

    func testControlCharactersInAStudentIDAreRejectedByField() throws {
        let found = try read(Self.header + "\nB7\u{0}Z,0,0,0,0,0,0,0,0,0\n\"A\u{1B}[2J\",0,0,0,0,0,0,0,0,0\n")
        XCTAssertEqual(
            found.records.map(\.1),
            [
                [
                    RecordProblem(
                        line: 2, field: 1, column: "student_id", value: "B7\u{0}Z",
                        reason: .controlCharacterInID("U+0000"))
                ],
                [
                    RecordProblem(
                        line: 3, field: 1, column: "student_id", value: "A\u{1B}[2J",
                        reason: .controlCharacterInID("U+001B"))
                ],
            ])
        XCTAssertEqual(found.records[0].1[0].value, "B7\\u{0}Z", "shown, never printed raw")
        // Long IDs are checked eight bytes at a time: a control character or DEL anywhere is found.
        for bad in ["\u{7}", "\u{7F}", "\u{1F}", "\u{85}"] {
            for position in [0, 7, 8, 13, 16] {
                var id = Array("A2025000000001234")
                id.insert(Character(bad), at: position)
                let found = try read(
                    Self.header + "\n\"\(String(id))\",0,0,0,0,0,0,0,0,0\nA20250000000012345678,0,0,0,0,0,0,0,0,0\n")
                XCTAssertEqual(found.records.map(\.0), [.rejected, .sheet], "\(bad.unicodeScalars.first!.value) at \(position)")
            }
        }
    }

    func testANineteenDigitAnswerIsNotAnOption() throws {
        let found = try read(Self.header + "\nS1,1234567890123456789,0,0,0,0,0,0,0,0\nS2,-99999999999999999999,0,0,0,0,0,0,0,0\n")
        XCTAssertEqual(
            found.records.map(\.1), [[notAnOption(2, 2, "1234567890123456789")], [notAnOption(3, 2, "-99999999999999999999")]])
    }

    func testAHugeCellIsQuotedShort() throws {
        let huge = String(repeating: "x", count: 100_000)
        let found = try read(Self.header + "\nS1,\(huge),0,0,0,0,0,0,0,0\n")
        let value = found.records[0].1[0].value
        XCTAssertEqual(value, String(repeating: "x", count: 60) + "…(100000 bytes)")
    }

    func testARepeatedIDIsOneProblemThatTellsOfItsCrisis() throws {
        let found = try read(
            Self.header + "\ns1,0,0,0,0,0,0,0,0,0\nS2,0,0,0,0,0,0,0,0,0\n S1 ,0,0,0,0,0,0,0,0,2\nS2,0,0,0,0,0,0,0,0,0\n")
        XCTAssertEqual(found.records.map(\.0), [.sheet, .sheet, .sheet, .sheet])
        XCTAssertEqual(
            found.repeats,
            [
                RecordProblem(
                    .crisis, line: 4, field: 1, column: "student_id", value: "S1",
                    reason: .repeatsStudentID(firstLine: 2, raisesCrisis: true)),
                RecordProblem(
                    line: 5, field: 1, column: "student_id", value: "S2",
                    reason: .repeatsStudentID(firstLine: 3, raisesCrisis: false)),
            ])
    }

    func testAStrayQuoteInTheHeaderPrintsNoDataRow() throws {
        let text =
            "student_id,\"name," + (1...9).map { "phq9_\($0)" }.joined(separator: ",")
            + "\nS1,Zhang San,0,0,0,0,0,0,0,0,0\nS2,\"Li Si\",1,1,1,1,1,1,1,1,1\n"
        XCTAssertThrowsError(try read(text)) { error in
            XCTAssertEqual("\(error)".contains("in.csv:1:2: error: header column 2 opens a quote"), true, "\(error)")
            XCTAssertFalse("\(error)".contains("Zhang"), "\(error)")
        }
    }
}
