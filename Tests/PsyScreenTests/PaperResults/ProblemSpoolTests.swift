@testable import PsyScreen
import PsyScreenTestSupport
import XCTest

final class SpoolAndCompactorTests: XCTestCase {
    func testProblemsComeOutInLineOrderWhateverTheirKind() throws {
        let scratch = try ScratchDirectory()
        let spool = try ProblemSpool(directory: scratch.path, lateStreams: 2)
        // Each stream's reason in both languages, to see that both come back.
        let streamed = RecordMessage.notANumber, repeated = RecordMessage.repeatsStudentID(firstLine: 1, raisesCrisis: true)
        let stranger = RecordMessage.notOnRoster(raisesCrisis: false)
        func problem(_ line: Int, _ reason: RecordMessage, _ kind: RecordProblem.Kind = .rejection) -> RecordProblem {
            RecordProblem(
                kind, line: line, field: line % 3 == 0 ? nil : line, column: "phq9_\(line)", value: "v\"é,\n\(line)",
                reason: reason)
        }
        for line in [2, 5, 5, 9] { try spool.add(problem(line, streamed)) }
        for line in [3, 5, 12] { try spool.addLate(problem(line, repeated, .crisis)) }
        for line in [1, 5, 13] { try spool.addLate(problem(line, stranger), stream: 2) }
        var out: [RecordProblem] = []
        try spool.write { out.append($0) }
        XCTAssertEqual(out.map(\.line), [1, 2, 3, 5, 5, 5, 5, 9, 12, 13])
        XCTAssertEqual(
            out.map(\.reason),
            [stranger, streamed, repeated, streamed, streamed, repeated, stranger, streamed, repeated, stranger].map(\.localized))
        XCTAssertEqual(out[1], problem(2, streamed))
        XCTAssertEqual(out[2], problem(3, repeated, .crisis))
        XCTAssertEqual(out[2].reason.chinese, "与第 1 行的学号重复；这份问卷触发了危机标记：请与第 1 行对照，今天就约见这名学生")
        XCTAssertEqual(out[2].value, "v\"é,\\u{A}3", "control characters are shown, not printed")
        XCTAssertEqual(spool.count, 10)
        XCTAssertEqual(spool.crisisCount, 3)
    }

    func testCompactorRemovesRangesInPlace() throws {
        let scratch = try ScratchDirectory()
        let text = (0..<1000).map { "row \($0)\n" }.joined()
        let path = try scratch.file("out.csv", Array(text.utf8))
        let fd = open(path, O_RDWR)
        defer { close(fd) }
        // A tiny buffer, so that copies take many rounds.
        let compactor = OutputCompactor(fileDescriptor: fd, name: path, bufferSize: 7)
        var offset = 0
        var kept: [String] = []
        for index in 0..<1000 {
            let line = "row \(index)\n"
            if index % 3 == 1 || index == 999 {
                try compactor.remove(offset: offset, length: line.utf8.count)
            } else {
                kept.append(line)
            }
            offset += line.utf8.count
        }
        try compactor.finish(fileSize: offset)
        XCTAssertEqual(String(decoding: try scratch.contents("out.csv"), as: UTF8.self), kept.joined())
    }
}
