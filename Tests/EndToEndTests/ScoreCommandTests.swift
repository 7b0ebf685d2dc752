import Foundation
import PsyScreenTestSupport
import XCTest

/// `psyscreen score` on real-world files: the shipped samples, RFC 4180 corner cases, encodings, bad records.
final class ScoreCommandTests: ScoreTestCase {
    func testSampleFileRejectsBadRecordsByLineAndWritesTheRest() throws {
        let run = try cli.run([
            "score", "--battery", "annual", "samples/paper-results.csv", "-o", path("out.csv"), "--errors", path("errors.csv"),
        ])
        XCTAssertEqual(run.status, 1, run.stderr)
        // Not a terminal: no progress bar, only the summary.
        XCTAssertEqual(
            lines(run),
            [
                "samples/paper-results.csv: 110 records (UTF-8): 105 scored, 1 unscored, 4 rejected (1 repeated student_id; 1 raising a crisis flag: check its paper form today); 14 flags raised"
            ])
        XCTAssertEqual(
            try CSVRows.read(path("errors.csv")),
            [
                ["line", "field", "column", "value", "reason"],
                ["7", "13", "gad7_1", "4", "is not one of the options (0, 1, 2, 3)"],
                ["9", "6", "phq9_3", "二", "is not a number"],
                [
                    "9", "12", "phq9_9", "1",
                    "raises the crisis flag phq9.item9 on this rejected record: check the paper form and see the student today",
                ],
                ["11", "", "", "", "expected 19 fields, found 17"],
                ["23", "1", "student_id", "A20250021", "repeats the student_id of line 22"],
            ])
        let rows = try records("out.csv")
        XCTAssertEqual(rows.count, 106)
        XCTAssertEqual(
            try CSVRows.read(path("out.csv"))[0],
            [
                "student_id", "name", "class", "phq9.total", "phq9.total.band", "gad7.total", "gad7.total.band", "phq9.flags",
                "phq9.status", "gad7.flags", "gad7.status",
            ])
        let byID = Dictionary(rows.map { ($0["student_id"]!, $0) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(byID.count, 106, "no student twice")
        XCTAssertEqual(rows.map { $0["student_id"]! }.prefix(4), ["A20250001", "A20250002", "A20250003", "A20250004"])
        XCTAssertNil(byID["A20250006"], "rejected: gad7_1 is 4")
        XCTAssertEqual(byID["A20250019"]?["name"], "王小明\n(转学生)", "a quoted line break survives")
        XCTAssertEqual(byID["A20250017"]?["name"], "'=HYPERLINK(\"http://example.com\")", "the formula is defused")
        // By hand: 0+0+1+0+0+0+2+1+0 = 4 minimal; 1+0+0+0+1+0+0 = 2 minimal.
        XCTAssertEqual(byID["A20250001"]?["phq9.total"], "4")
        XCTAssertEqual(byID["A20250001"]?["phq9.total.band"], "minimal")
        XCTAssertEqual(byID["A20250001"]?["gad7.total"], "2")
        // Two of nine PHQ-9 items answered: unscored, but item 9 = 1 still raises the flag.
        XCTAssertEqual(byID["A20250014"]?["phq9.total"], "")
        XCTAssertEqual(byID["A20250014"]?["phq9.total.band"], "")
        XCTAssertEqual(byID["A20250014"]?["phq9.status"], "unscored")
        XCTAssertEqual(byID["A20250014"]?["phq9.flags"], "item9")
        // 3+1+1+_+0+0+0+1+0 = 6 over 8 items: 6 × 9 / 8 = 6.75 → 7, prorated.
        XCTAssertEqual(byID["A20250025"]?["phq9.total"], "7")
        XCTAssertEqual(byID["A20250025"]?["phq9.status"], "prorated")
        XCTAssertEqual(try listing(), ["errors.csv", "out.csv"], "no temporary file left")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path("out.csv"))[.posixPermissions] as? Int, 0o600)
    }

    func testErrorsGoToStderrInLineOrderWithoutErrorsOption() throws {
        let run = try cli.run(["score", "--battery", "annual", "samples/paper-results.csv"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            Array(lines(run).prefix(5)),
            [
                "samples/paper-results.csv:7:13: error: column gad7_1: '4' is not one of the options (0, 1, 2, 3)",
                "samples/paper-results.csv:9:6: error: column phq9_3: '二' is not a number",
                "samples/paper-results.csv:9:12: error: column phq9_9: '1' raises the crisis flag phq9.item9 on this rejected record: check the paper form and see the student today",
                "samples/paper-results.csv:11: error: expected 19 fields, found 17",
                "samples/paper-results.csv:23:1: error: column student_id: 'A20250021' repeats the student_id of line 22",
            ])
        XCTAssertTrue(run.stdout.hasPrefix("student_id,name,class,phq9.total,"), run.stdout)
        XCTAssertEqual(run.stdout.components(separatedBy: "\nA20250021,").count, 2, "the repeat is not written")
    }

    func testRFC4180QuotingCRLFAndByteOrderMark() throws {
        let header = "student_id,note," + (1...9).map { "phq9_\($0)" }.joined(separator: ",")
        let text =
            "\u{FEFF}" + header + "\r\n"
            + "S1,\"a, b\",0,0,0,0,0,0,0,0,0\r\n"
            + "S2,\"say \"\"hi\"\"\",1,1,1,1,1,1,1,1,1\r\n"
            + "S3,\"two\r\nlines\",3,3,3,3,3,3,3,3,3\r\n"
            + "S4,plain,9,0,0,0,0,0,0,0,0\r\n"
            + "S5,last,0,1,2,3,0,1,2,3,0"  // no line break at the end
        let input = try write("excel.csv", text)
        let run = try cli.run(["score", "--instrument", "phq9", input, "-o", path("out.csv")])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(lines(run).first, "\(input):6:3: error: column phq9_1: '9' is not one of the options (0, 1, 2, 3)")
        let output = try Data(contentsOf: URL(fileURLWithPath: path("out.csv")))
        XCTAssertNotEqual(Array(output.prefix(3)), [0xEF, 0xBB, 0xBF], "no BOM without --excel")
        XCTAssertEqual(
            try CSVRows.read(path("out.csv")),
            [
                ["student_id", "note", "phq9.total", "phq9.total.band", "phq9.flags", "phq9.status"],
                ["S1", "a, b", "0", "minimal", "", "complete"],
                ["S2", "say \"hi\"", "9", "mild", "item9", "complete"],
                ["S3", "two\r\nlines", "27", "severe", "item9", "complete"],
                ["S5", "last", "12", "moderate", "", "complete"],
            ])
        let excel = try cli.run(["score", "--instrument", "phq9", input, "-o", path("excel-out.csv"), "--excel"])
        XCTAssertEqual(excel.status, 1)
        XCTAssertEqual(
            Array(try Data(contentsOf: URL(fileURLWithPath: path("excel-out.csv"))).prefix(4)),
            [0xEF, 0xBB, 0xBF, UInt8(ascii: "s")])
    }

    func testSemicolonsAndTabsAreDetected() throws {
        for (delimiter, name) in [(";", "semi.csv"), ("\t", "tab.csv")] {
            let items = (1...7).map { "gad7_\($0)" }.joined(separator: delimiter)
            let input = try write(
                name,
                "student_id\(delimiter)class\(delimiter)\(items)\nS1\(delimiter)1班, A\(delimiter)1\(delimiter)1\(delimiter)1\(delimiter)1\(delimiter)1\(delimiter)0\(delimiter)0\n"
            )
            let run = try cli.run(["score", "--instrument", "gad7", input])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(
                run.stdout, "student_id,class,gad7.total,gad7.total.band,gad7.flags,gad7.status\nS1,\"1班, A\",5,mild,,complete\n")
        }
    }

    func testGB18030IsDetectedAndWrittenAsUTF8() throws {
        let run = try cli.run(["score", "--battery", "annual", "samples/paper-results-gb18030.csv", "-o", path("out.csv")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("11 records (GB18030): 11 scored"), run.stderr)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path("out.csv")))
        XCTAssertNotNil(String(data: bytes, encoding: .utf8), "the output is UTF-8")
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("B20250065,朱芳轩,2025级1班,"))
        // The same students, with the same names and classes, as in the UTF-8 sample.
        let utf8 = try CSVRows.read(Fixtures.samplesDirectory + "/paper-results.csv")
        let expected = Dictionary(utf8.map { ($0[0], [$0[1], $0[2]]) }, uniquingKeysWith: { first, _ in first })
        let rows = try records("out.csv")
        XCTAssertEqual(rows.count, 11)
        var compared = 0
        for row in rows {
            XCTAssertTrue(row["class"]!.hasPrefix("202") && row["class"]!.hasSuffix("班"), row["class"]!)
            XCTAssertFalse(row["name"]!.contains("\u{FFFD}"))
            guard let known = expected[row["student_id"]!] else { continue }
            XCTAssertEqual([row["name"]!, row["class"]!], known, row["student_id"]!)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 5)
    }

    /// A file with every rejection reason, after records spanning several lines.
    static let badFile = """
        student_id,name,\(annualItems.joined(separator: ","))
        S1,"multi
        line",0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
        S2,ok,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
        S3,ok,x,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
        S4,short,0,0
        S5,long,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9
        s1 ,again,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1
        ,,,,,,,,,,,,,,,,,
        S6,"a

        b",1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1
        S7,ok,2.0,0,0,0,0,0,0,0,0,0,0,9,0,0,0,0
        S8,ok,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3

        """

    func testEveryRejectionReasonWithItsPhysicalLine() throws {
        let input = try write("bad.csv", Self.badFile)
        let run = try cli.run(["score", "--battery", "annual", input, "-o", path("out.csv")])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            lines(run),
            [
                "\(input):4:3: error: column phq9_1: '4' is not one of the options (0, 1, 2, 3)",
                "\(input):5:3: error: column phq9_1: 'x' is not a number",
                "\(input):6: error: expected 18 fields, found 4",
                "\(input):7: error: expected 18 fields, found 19",
                "\(input):8:1: error: column student_id: 'S1' repeats the student_id of line 2; this sheet raises a crisis flag: compare it with line 2 and see the student today",
                "\(input):13:3: error: column phq9_1: '2.0' is not a number",
                "\(input):13:14: error: column gad7_3: '9' is not one of the options (0, 1, 2, 3)",
                "\(input): 9 records (UTF-8): 3 scored, 0 unscored, 6 rejected (1 repeated student_id; 1 raising a crisis flag: check its paper form today); 2 flags raised; 1 blank record skipped",
            ])
        XCTAssertEqual(try records("out.csv").map { $0["student_id"]! }, ["S1", "S6", "S8"])
        XCTAssertEqual(try records("out.csv").map { $0["name"]! }, ["multi\nline", "a\n\nb", "ok"])
    }

    func testStrictWritesNothingWhenAnythingIsRejected() throws {
        let input = try write("bad.csv", Self.badFile)
        let run = try cli.run([
            "score", "--battery", "annual", "--strict", input, "-o", path("out.csv"), "--errors", path("errors.csv"),
        ])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(lines(run).last!.hasSuffix("; nothing written (--strict)"), run.stderr)
        XCTAssertEqual(try listing(), ["bad.csv", "errors.csv"])
        XCTAssertEqual(try CSVRows.read(path("errors.csv")).count, 8)
        let toStdout = try cli.run(["score", "--battery", "annual", "--strict", input])
        XCTAssertEqual(toStdout.status, 1)
        XCTAssertEqual(toStdout.stdout, "")

        let good = try write(
            "good.csv",
            "student_id,\(Self.annualItems.joined(separator: ","))\nS1,\(Array(repeating: "1", count: 16).joined(separator: ","))\n"
        )
        let clean = try cli.run(["score", "--battery", "annual", "--strict", good])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(
            clean.stdout,
            "student_id,phq9.total,phq9.total.band,gad7.total,gad7.total.band,phq9.flags,phq9.status,gad7.flags,gad7.status\nS1,9,mild,7,mild,item9,complete,,complete\n"
        )
    }

    func testHeaderProblemsAreReportedBeforeAnyRecordAndNothingIsWritten() throws {
        let unknown = try write("unknown.csv", "student_id,\(Self.annualItems.joined(separator: ",")),phq9_10\nS1\n")
        let run = try cli.run(["score", "--battery", "annual", unknown, "-o", path("out.csv")])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "\(unknown):1:18: error: column 18 'phq9_10': phq9 has no item '10' (its items are 1–9)\n")
        let missing = try write("missing.csv", "student_id,phq9_1,phq9_2\n")
        let second = try cli.run(["score", "--instrument", "phq9", missing, "-o", path("out.csv")])
        XCTAssertEqual(second.status, 2)
        XCTAssertEqual(
            second.stderr, "\(missing):1: error: missing item columns: phq9_3, phq9_4, phq9_5, phq9_6, phq9_7, phq9_8, phq9_9\n")
        XCTAssertEqual(try listing(), ["missing.csv", "unknown.csv"])
    }

    func testAFailureMidwayLeavesNoOutputAndNoTemporaryFile() throws {
        var text = "student_id,name,\(Self.annualItems.joined(separator: ","))\n"
        for index in 0..<5000 { text += "S\(index),n,0,1,2,3,0,1,2,3,0,1,2,3,0,1,2,3\n" }
        text += "S9999,\"never closed,0,0\n"
        for index in 0..<10 { text += "T\(index),n,0,1,2,3,0,1,2,3,0,1,2,3,0,1,2,3\n" }
        let input = try write("broken.csv", text)
        let run = try cli.run(["score", "--battery", "annual", input, "-o", path("out.csv"), "--errors", path("errors.csv")])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("\(input):5002: error: field 2 opens a quote that is never closed"), run.stderr)
        XCTAssertEqual(try listing(), ["broken.csv"])
    }

    func testTheOutputIsNeverWrittenOverTheInput() throws {
        let input = try write("in.csv", "student_id,\((1...7).map { "gad7_\($0)" }.joined(separator: ","))\nS1,0,0,0,0,0,0,0\n")
        let run = try cli.run(["score", "--instrument", "gad7", input, "-o", input])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("refusing to overwrite the input file"), run.stderr)
        XCTAssertEqual(
            try text("in.csv"), "student_id,\((1...7).map { "gad7_\($0)" }.joined(separator: ","))\nS1,0,0,0,0,0,0,0\n")
        XCTAssertEqual(try listing(), ["in.csv"])
    }

    func testABadErrorsPathStopsTheRunBeforeAnythingIsWritten() throws {
        let input = try write("in.csv", "student_id,\((1...7).map { "gad7_\($0)" }.joined(separator: ","))\nS1,0,0,0,0,0,0,0\n")
        let run = try cli.run(["score", "--instrument", "gad7", input, "-o", path("out.csv"), "--errors", input])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("refusing to overwrite the input file"), run.stderr)
        XCTAssertEqual(try listing(), ["in.csv"])
        let mixed = try cli.run(["score", "--instrument", "gad7", input, "--errors", "-"])
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stderr.contains("--errors -"), mixed.stderr)
    }

    func testFormulaCellsFromTheInputAreDefused() throws {
        let items = (1...7).map { "gad7_\($0)" }.joined(separator: ",")
        let input = try write(
            "formula.csv",
            """
            student_id,note,\(items)
            S1,=1+1,0,0,0,0,0,0,0
            S2,+1,0,0,0,0,0,0,0
            S3,-1,0,0,0,0,0,0,0
            S4,@SUM(A1),0,0,0,0,0,0,0
            S5,\tx,0,0,0,0,0,0,0
            S6,"\rx",0,0,0,0,0,0,0
            S7,plain = fine,0,0,0,0,0,0,0
            S8,ok,=1,0,0,0,0,0,0

            """)
        let run = try cli.run(["score", "--instrument", "gad7", input, "-o", path("out.csv"), "--errors", path("errors.csv")])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(
            try records("out.csv").map { $0["note"]! }, ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "plain = fine"])
        // S6's quoted CR is a line break: S8 is on line 10.
        XCTAssertEqual(try CSVRows.read(path("errors.csv"))[1], ["10", "3", "gad7_1", "'=1", "is not a number"])
    }

    func testStandardInputAndBlankRecords() throws {
        let items = (1...7).map { "gad7_\($0)" }.joined(separator: ",")
        let run = try cli.run(
            ["score", "--instrument", "gad7", "-"],
            input: "student_id,\(items)\r\nS1,3,3,3,3,3,3,3\r\n,,,,,,,\r\n , ,,,,,,\r\n\r\nS2,0,0,0,0,0,0,\r\n")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(
            run.stdout, "student_id,gad7.total,gad7.total.band,gad7.flags,gad7.status\nS1,21,severe,,complete\nS2,,,,unscored\n")
        XCTAssertEqual(
            run.stderr, "<stdin>: 2 records (UTF-8): 1 scored, 1 unscored, 0 rejected; 0 flags raised; 2 blank records skipped\n")
    }

    func testTemplateHasTheHeaderForDataEntry() throws {
        let run = try cli.run(["template", "--battery", "annual"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "student_id,name,class,\(Self.annualItems.joined(separator: ","))\n")
        let who5 = try cli.run(["template", "--instrument", "who5", "--instrument", "k10", "-o", path("t.csv")])
        XCTAssertEqual(who5.status, 0, who5.stderr)
        XCTAssertEqual(
            try text("t.csv"),
            "student_id,name,class,who5_1,who5_2,who5_3,who5_4,who5_5,\((1...10).map { "k10_\($0)" }.joined(separator: ","))\n")
        // A template is a valid, empty input.
        let scored = try cli.run(["score", "--instrument", "who5", "--instrument", "k10", path("t.csv")])
        XCTAssertEqual(scored.status, 0, scored.stderr)
        XCTAssertTrue(scored.stdout.hasPrefix("student_id,name,class,who5.total,who5.total.band,who5.percent,"), scored.stdout)
    }
}
