import Foundation
import PsyScreenTestSupport
import XCTest

/// Every shipped instrument scored through `score --instrument`, against totals computed by hand from the
/// published keys; and the JSON-lines output.
final class ScoreInstrumentTests: ScoreTestCase {
    /// Scores `rows` (student id, then the items; "" is a blank) and returns per student id the cells of `columns`.
    func score(
        _ instrument: String, items: Int, _ rows: [[String]], columns: [String], file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> [String: [String]] {
        let header = (["student_id"] + (1...items).map { "\(instrument)_\($0)" }).joined(separator: ",")
        let input = try write(
            "\(instrument).csv", ([header] + rows.map { $0.joined(separator: ",") }).joined(separator: "\n") + "\n")
        let run = try cli.run(["score", "--instrument", instrument, input, "-o", path("\(instrument)-out.csv")])
        XCTAssertLessThanOrEqual(run.status, 1, run.stderr, file: file, line: line)
        var result: [String: [String]] = [:]
        for record in try records("\(instrument)-out.csv") {
            result[record["student_id"]!] = columns.map { record["\(instrument).\($0)"]! }
        }
        return result
    }

    func testPHQ9() throws {
        let rows = [
            ["P1", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
            ["P2", "3", "3", "3", "3", "3", "3", "3", "3", "3"],
            ["P3", "1", "1", "1", "1", "1", "0", "0", "0", "0"],
            ["P4", "2", "2", "2", "2", "2", "2", "2", "", ""],  // 7 answered: 14 × 9 / 7 = 18
            ["P5", "1", "1", "1", "1", "1", "", "", "", "1"],  // 6 answered: too few, but item 9 counts
            ["P6", "1", "1", "1", "1", "0", "0", "0", "", "0"],  // 4 × 9 / 8 = 4.5 → 5 (half up)
            ["P7", "2", "2", "2", "2", "2", "2", "0", "", "0"],  // 12 × 9 / 8 = 13.5 → 14
            ["P8", "2", "2", "2", "2", "2", "0", "0", "0", "0"],
            ["P9", "2", "2", "2", "2", "2", "2", "2", "0", "0"],
            ["P10", "3", "3", "3", "3", "3", "0", "0", "0", "0"],
            ["P11", "3", "3", "3", "3", "3", "2", "2", "0", "0"],
            ["P12", "3", "3", "3", "3", "3", "3", "2", "0", "0"],
        ]
        XCTAssertEqual(
            try score("phq9", items: 9, rows, columns: ["total", "total.band", "flags", "status"]),
            [
                "P1": ["0", "minimal", "", "complete"],
                "P2": ["27", "severe", "item9", "complete"],
                "P3": ["5", "mild", "", "complete"],
                "P4": ["18", "moderately-severe", "", "prorated"],
                "P5": ["", "", "item9", "unscored"],
                "P6": ["5", "mild", "", "prorated"],
                "P7": ["14", "moderate", "", "prorated"],
                "P8": ["10", "moderate", "", "complete"],
                "P9": ["14", "moderate", "", "complete"],
                "P10": ["15", "moderately-severe", "", "complete"],
                "P11": ["19", "moderately-severe", "", "complete"],
                "P12": ["20", "severe", "", "complete"],
            ])
    }

    func testGAD7() throws {
        let rows = [
            ["G1", "0", "0", "0", "0", "0", "0", "0"], ["G2", "1", "1", "1", "1", "0", "0", "0"],
            ["G3", "1", "1", "1", "1", "1", "0", "0"], ["G4", "3", "3", "3", "1", "0", "0", "0"],
            ["G5", "3", "3", "3", "3", "2", "0", "0"], ["G6", "3", "3", "3", "3", "3", "0", "0"],
            ["G7", "3", "3", "3", "3", "3", "3", "3"], ["G8", "3", "3", "3", "3", "3", "3", ""],
        ]
        XCTAssertEqual(
            try score("gad7", items: 7, rows, columns: ["total", "total.band", "flags", "status"]),
            [
                "G1": ["0", "minimal", "", "complete"], "G2": ["4", "minimal", "", "complete"],
                "G3": ["5", "mild", "", "complete"], "G4": ["10", "moderate", "", "complete"],
                "G5": ["14", "moderate", "", "complete"], "G6": ["15", "severe", "", "complete"],
                "G7": ["21", "severe", "", "complete"], "G8": ["", "", "", "unscored"],  // no proration for GAD-7
            ])
    }

    func testK10() throws {
        func row(_ id: String, _ values: [Int]) -> [String] { [id] + values.map(String.init) }
        let rows = [
            row("K10", Array(repeating: 1, count: 10)),
            row("K15", Array(repeating: 1, count: 5) + Array(repeating: 2, count: 5)),
            row("K16", Array(repeating: 1, count: 4) + Array(repeating: 2, count: 6)),
            row("K21", [3] + Array(repeating: 2, count: 9)),
            row("K22", [3, 3] + Array(repeating: 2, count: 8)),
            row("K29", [2] + Array(repeating: 3, count: 9)),
            row("K30", Array(repeating: 3, count: 10)),
            row("K50", Array(repeating: 5, count: 10)),
            ["KB", "1", "1", "1", "1", "1", "1", "1", "1", "1", ""],
            row("K0", [0] + Array(repeating: 1, count: 9)),  // 0 is not a K10 option: rejected
        ]
        XCTAssertEqual(
            try score("k10", items: 10, rows, columns: ["total", "total.band", "status"]),
            [
                "K10": ["10", "low", "complete"], "K15": ["15", "low", "complete"], "K16": ["16", "moderate", "complete"],
                "K21": ["21", "moderate", "complete"], "K22": ["22", "high", "complete"], "K29": ["29", "high", "complete"],
                "K30": ["30", "very-high", "complete"], "K50": ["50", "very-high", "complete"], "KB": ["", "", "unscored"],
            ])
    }

    func testWHO5() throws {
        let rows = [
            ["W1", "3", "3", "2", "2", "2"], ["W2", "3", "3", "3", "2", "2"], ["W3", "5", "5", "5", "5", "1"],
            ["W4", "0", "0", "0", "0", "0"], ["W5", "5", "5", "5", "5", ""], ["W6", "", "", "", "", "0"],
        ]
        XCTAssertEqual(
            try score("who5", items: 5, rows, columns: ["total", "total.band", "percent", "percent.band", "flags", "status"]),
            [
                "W1": ["12", "poor", "48", "poor", "", "complete"],
                "W2": ["13", "adequate", "52", "adequate", "", "complete"],
                "W3": ["21", "adequate", "84", "adequate", "low-item", "complete"],
                "W4": ["0", "poor", "0", "poor", "low-item", "complete"],
                "W5": ["", "", "", "", "", "unscored"],
                "W6": ["", "", "", "", "low-item", "unscored"],  // flags are evaluated whatever is missing
            ])
    }

    func testCESD() throws {
        // Items 4, 8, 12 and 16 are reverse-keyed: they count 3 minus the answer.
        func row(_ id: String, _ values: [Int?]) -> [String] { [id] + values.map { $0.map(String.init) ?? "" } }
        let reversed: Set<Int> = [4, 8, 12, 16]
        let rows = [
            row("C0", Array(repeating: 0, count: 20)),  // 4 × 3 = 12
            row("C3", Array(repeating: 3, count: 20)),  // 16 × 3 = 48
            row("C1", Array(repeating: 1, count: 20)),  // 16 × 1 + 4 × 2 = 24
            row("CP", Array(repeating: 1, count: 16) + [nil, nil, nil, nil]),  // (12 + 8) × 20 / 16 = 25
            row("CU", Array(repeating: 1, count: 15) + [nil, nil, nil, nil, nil]),  // 15 answered: unscored
            row("C15", (1...20).map { reversed.contains($0) ? 3 : [1, 2, 3, 5, 6].contains($0) ? 3 : 0 }),
            row("C16", (1...20).map { reversed.contains($0) ? 3 : [1, 2, 3, 5, 6].contains($0) ? 3 : $0 == 7 ? 1 : 0 }),
        ]
        XCTAssertEqual(
            try score("cesd", items: 20, rows, columns: ["total", "total.band", "status"]),
            [
                "C0": ["12", "below-cutoff", "complete"], "C3": ["48", "at-risk", "complete"],
                "C1": ["24", "at-risk", "complete"],
                "CP": ["25", "at-risk", "prorated"], "CU": ["", "", "unscored"], "C15": ["15", "below-cutoff", "complete"],
                "C16": ["16", "at-risk", "complete"],
            ])
    }

    func testJSONLines() throws {
        let run = try cli.run(["score", "--battery", "annual", "--format", "jsonl", "samples/paper-results.csv"])
        XCTAssertEqual(run.status, 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 106, "one object per line: line breaks inside values are escaped")
        XCTAssertEqual(
            lines[0],
            #"{"student_id":"A20250001","name":"高梓","class":"2025级1班","phq9.total":4,"phq9.total.band":"minimal","gad7.total":2,"gad7.total.band":"minimal","phq9.flags":[],"phq9.status":"complete","gad7.flags":[],"gad7.status":"complete"}"#
        )
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let byID = Dictionary(objects.map { ($0["student_id"] as! String, $0) }, uniquingKeysWith: { first, _ in first })
        let unscored = try XCTUnwrap(byID["A20250014"])
        XCTAssertTrue(unscored["phq9.total"] is NSNull)
        XCTAssertTrue(unscored["phq9.total.band"] is NSNull)
        XCTAssertEqual(unscored["phq9.flags"] as? [String], ["item9"])
        XCTAssertEqual(unscored["phq9.status"] as? String, "unscored")
        XCTAssertEqual(byID["A20250019"]?["name"] as? String, "王小明\n(转学生)")
        // JSON is not opened by a spreadsheet: the value is kept as it was.
        XCTAssertEqual(byID["A20250017"]?["name"] as? String, "=HYPERLINK(\"http://example.com\")")
        XCTAssertEqual(byID["A20250025"]?["phq9.total"] as? Int, 7)
    }
}
