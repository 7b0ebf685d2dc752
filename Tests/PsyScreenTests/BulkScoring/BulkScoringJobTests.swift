import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The whole pipeline in process, with a tiny memory for finding repeats, so that the sort spills many runs and
/// merges them in several passes before the repeated rows are cut out of the output.
final class BulkScoringJobTests: XCTestCase {
    func run(
        _ text: String, format: ScoredOutputFormat = .csv, repeatMemory: Int, fanIn: Int
    )
        throws -> (output: String, problems: [RecordProblem], summary: BulkScoringJob.Summary, leftovers: [String])
    {
        let scratch = try ScratchDirectory()
        let input = try scratch.file("in.csv", Array(text.utf8))
        let reader = try CSVReader(path: input)
        let job = try BulkScoringJob(
            source: reader, instruments: [Fixtures.instrument("phq9"), Fixtures.instrument("gad7")],
            options: .init(
                format: format, reading: .init(scratchDirectory: scratch.path, repeatMemory: repeatMemory, fanIn: fanIn)))
        let outputPath = scratch.path + "/out.csv"
        let fd = open(outputPath, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        defer { close(fd) }
        let spool = try ProblemSpool(directory: scratch.path)
        let summary = try job.run(output: fd, outputName: outputPath, problems: spool)
        var problems: [RecordProblem] = []
        try spool.write { problems.append($0) }
        let output = String(decoding: try scratch.contents("out.csv"), as: UTF8.self)
        return (output, problems, summary, try scratch.listing().filter { $0 != "in.csv" && $0 != "out.csv" })
    }

    func testRepeatsAreCutOutOfTheOutputWithASmallMemory() throws {
        var random = SplitMix64(seed: 5)
        var text =
            "student_id,name," + ((1...9).map { "phq9_\($0)" } + (1...7).map { "gad7_\($0)" }).joined(separator: ",") + "\n"
        var expectedRows: [String] = []
        var expectedProblems: [RecordProblem] = []
        var firstLine: [String: Int] = [:]
        var rejected = 0
        var line = 1
        for index in 0..<6000 {
            line += 1
            let id = "ID\(random.next() % 4000)"
            let items = (0..<16).map { _ in Int(random.next() % 4) }
            // Every 50th record has a line break in its name: the next records' lines shift by one.
            let name = index % 50 == 0 ? "\"two\nlines\"" : "n\(index)"
            let bad = index % 97 == 0
            text +=
                "\(id),\(name),\(((bad ? ["7"] : []) + items.dropFirst(bad ? 1 : 0).map(String.init)).joined(separator: ","))\n"
            let recordLine = line
            if index % 50 == 0 { line += 1 }
            // A rejected sheet that endorses item 9 says so: it must not hide a student at risk.
            if bad {
                rejected += 1
                expectedProblems.append(
                    RecordProblem(line: recordLine, field: 3, column: "phq9_1", value: "7", reason: .notAnOption([0, 1, 2, 3])))
                if items[8] >= 1 {
                    expectedProblems.append(
                        RecordProblem(
                            .crisis, line: recordLine, field: 11, column: "phq9_9", value: "\(items[8])",
                            reason: .crisisOnRejectedRecord(flag: "phq9.item9")))
                }
                continue
            }
            if let first = firstLine[id] {
                rejected += 1
                let crisis = items[8] >= 1
                expectedProblems.append(
                    RecordProblem(
                        crisis ? .crisis : .rejection, line: recordLine, field: 1, column: "student_id",
                        value: id.uppercased(), reason: .repeatsStudentID(firstLine: first, raisesCrisis: crisis)))
                continue
            }
            firstLine[id] = recordLine
            let phq9 = items[0..<9].reduce(0, +), gad7 = items[9...].reduce(0, +)
            let bands = ["minimal", "minimal", "mild", "moderate", "moderately-severe", "severe"]
            func phqBand(_ t: Int) -> String {
                t <= 4 ? bands[0] : t <= 9 ? bands[2] : t <= 14 ? bands[3] : t <= 19 ? bands[4] : bands[5]
            }
            func gadBand(_ t: Int) -> String { t <= 4 ? "minimal" : t <= 9 ? "mild" : t <= 14 ? "moderate" : "severe" }
            let shownName = index % 50 == 0 ? "\"two\nlines\"" : "n\(index)"
            expectedRows.append(
                "\(id),\(shownName),\(phq9),\(phqBand(phq9)),\(gad7),\(gadBand(gad7)),\(items[8] >= 1 ? "item9" : ""),complete,,complete\n"
            )
        }
        // Room for 50 keys: about 110 runs, merged three at a time.
        let result = try run(text, repeatMemory: 50 * 32, fanIn: 3)
        let header =
            "student_id,name,phq9.total,phq9.total.band,gad7.total,gad7.total.band,phq9.flags,phq9.status,gad7.flags,gad7.status\n"
        XCTAssertEqual(result.output, header + expectedRows.joined())
        XCTAssertEqual(result.problems, expectedProblems)
        XCTAssertEqual(result.summary.records, 6000)
        XCTAssertEqual(result.summary.scored, expectedRows.count)
        XCTAssertEqual(result.summary.rejected, rejected)
        XCTAssertGreaterThan(expectedProblems.count, rejected, "some rejected sheets endorse item 9")
        XCTAssertGreaterThan(result.summary.repeatedIDs, 1000)
        XCTAssertEqual(result.summary.flagsRaised, expectedRows.filter { $0.contains("item9") }.count)
        XCTAssertEqual(result.leftovers, [])
    }

    func testNoStudentIDColumnMeansNoRepeats() throws {
        let text =
            "name,gad7_1,gad7_2,gad7_3,gad7_4,gad7_5,gad7_6,gad7_7,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9\n"
            + String(repeating: "same,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n", count: 3)
        let result = try run(text, format: .jsonl, repeatMemory: 1 << 16, fanIn: 2)
        XCTAssertEqual(result.summary.scored, 3)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.output.split(separator: "\n").count, 3)
        XCTAssertTrue(
            result.output.hasPrefix(#"{"name":"same","phq9.total":0,"phq9.total.band":"minimal","gad7.total":0,"#), result.output)
    }
}
