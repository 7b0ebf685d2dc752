import Foundation
import PsyScreenTestSupport
import XCTest

/// `results` gives every attempt, whatever its state, a cell for each column of the header, in CSV and JSON.
final class ResultsRowsTests: XCTestCase {
    func testEveryAttemptStateHasEveryColumnInEveryFormat() throws {
        let school = try TakeFixture(students: 6)
        defer { try? FileManager.default.removeItem(atPath: school.directory) }
        let phq9 = [1, 2, 0, 3, 1, 0, 2, 1, 0], gad7 = [3, 2, 1, 0, 1, 2, 3]
        // S1 finished at the terminal; S2 refused consent; S3 consented then left; S4 left after three answers;
        // S5 a paper sheet with too many blanks (unscored); S6 not screened (no row).
        XCTAssertEqual(try school.take(TakeFixture.opening("S1") + TakeFixture.answers(phq9, gad7)).status, 0)
        XCTAssertEqual(try school.take(["S2", "y", "n"]).status, 0)
        XCTAssertEqual(try school.take(TakeFixture.opening("S3")).status, 0)
        XCTAssertEqual(try school.take(TakeFixture.opening("S4") + ["1", "2", "3"]).status, 0)
        let paper = school.directory + "/paper.csv"
        let items = (1...9).map { "phq9_\($0)" } + (1...7).map { "gad7_\($0)" }
        try ("student_id," + items.joined(separator: ",") + "\nS5,1,,,,,,,,,1,1,1,1,1,1,1\n").write(
            toFile: paper, atomically: true, encoding: .utf8)
        let imported = try school.cli.run([
            "import", "--db", school.database, "--wave", TakeFixture.wave, "--battery", "annual", paper,
        ])
        XCTAssertEqual(imported.status, 0, imported.stderr)

        let csv = try school.cli.run([
            "results", "--db", school.database, "--wave", TakeFixture.wave, "-o", school.directory + "/results.csv",
        ])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let rows = try CSVRows.read(school.directory + "/results.csv")
        let header = rows[0]
        XCTAssertEqual(header.count, 35)
        XCTAssertEqual(rows.count, 6)
        var states: [String: String] = [:]
        for row in rows.dropFirst() {
            XCTAssertEqual(row.count, header.count, "\(row)")
            let cell = Dictionary(uniqueKeysWithValues: zip(header, row))
            states[cell["student_id"]!] = cell["state"]!
            XCTAssertFalse(cell["time"]!.isEmpty, "\(row)")
            XCTAssertTrue(cell["time"]!.hasSuffix("Z"), "\(row)")
            XCTAssertTrue(["none", "yellow", "orange", "red"].contains(cell["level"]!), "\(row)")
            XCTAssertTrue(["terminal", "paper"].contains(cell["source"]!), "\(row)")
        }
        XCTAssertEqual(states, ["S1": "finished", "S2": "refused", "S3": "in_progress", "S4": "in_progress", "S5": "finished"])
        let refused = Dictionary(uniqueKeysWithValues: zip(header, rows.first { $0[0] == "S2" }!))
        for column in header[5..<25] { XCTAssertEqual(refused[column], "", "no answer, score or band: \(column)") }
        XCTAssertEqual(
            [refused["phq9.status"], refused["gad7.status"], refused["level"], refused["reasons"]],
            ["unscored", "unscored", "none", ""])
        let left = Dictionary(uniqueKeysWithValues: zip(header, rows.first { $0[0] == "S4" }!))
        XCTAssertEqual([left["phq9_1"], left["phq9_2"], left["phq9_3"], left["phq9_4"]], ["1", "2", "3", ""])

        let json = try school.cli.run([
            "results", "--db", school.database, "--wave", TakeFixture.wave, "--format", "json", "-o", "-",
        ])
        XCTAssertEqual(json.status, 0, json.stderr)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let students = try XCTUnwrap(document["students"] as? [[String: Any]])
        XCTAssertEqual(students.count, 5)
        for student in students {
            XCTAssertEqual(Set(student.keys), Set(header), "\(student)")
            XCTAssertEqual(student["state"] as? String, states[student["student_id"] as! String])
            XCTAssertNotNil(student["time"] as? String, "\(student)")
        }
        // The keys in the header's order, as the CSV columns.
        let firstObject = try XCTUnwrap(json.stdout.range(of: "\"students\": [\n    {\n")).upperBound
        let keys = json.stdout[firstObject...].split(separator: "\n").prefix(header.count).map {
            String($0.trimmingCharacters(in: .whitespaces).split(separator: "\"")[0])
        }
        XCTAssertEqual(keys, header)
    }
}
