import Foundation
import PsyScreenTestSupport
import XCTest

/// 3,000 generated forms scored by `score --battery annual` agree with the pandas peer on every total, band and
/// item-9 flag. The expected values always come from this test's own plain re-implementation of the peer's rules;
/// when pandas is importable the peer itself is run as well, and all three must agree.
final class ScorePeerTests: ScoreTestCase {
    /// `../shared/bench` beside the repository (or `$PSYSCREEN_BENCH_DIR`).
    static var benchDirectory: String {
        ProcessInfo.processInfo.environment["PSYSCREEN_BENCH_DIR"]
            ?? URL(fileURLWithPath: Fixtures.repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared/bench")
            .path
    }

    /// Runs a program, returning its exit status (or nil if it could not start).
    @discardableResult
    func system(_ arguments: [String]) -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Writes 3,000 forms: with the shared generator when Python and it are there, else the same format here.
    func generate(_ path: String) throws {
        let generator = Self.benchDirectory + "/gen_responses.py"
        if FileManager.default.fileExists(atPath: generator), system(["python3", generator, "3000", path, "11"]) == 0 { return }
        var random = SplitMix64(seed: 11)
        var text = "student_id,school,grade,class,gender," + Self.annualItems.joined(separator: ",") + "\n"
        for index in 0..<3000 {
            let items = (0..<16).map { _ -> String in
                if random.next() % 200 == 0 { return "" }
                let draw = random.next() % 100
                return draw < 55 ? "0" : draw < 82 ? "1" : draw < 94 ? "2" : "3"
            }
            text += "\(20_260_000_000 + index),S01,2025,S01-1-01,F," + items.joined(separator: ",") + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The peer's rules, written out plainly: PHQ-9 prorated from the mean when at most 2 items are blank (half
    /// up), GAD-7 only when complete, the published bands, item 9 ≥ 1.
    static func expected(_ items: [Int?]) -> [String] {
        func total(_ values: ArraySlice<Int?>, maxMissing: Int) -> Int? {
            let answered = values.compactMap { $0 }
            guard values.count - answered.count <= maxMissing, !answered.isEmpty else { return nil }
            let sum = answered.reduce(0, +)
            return (2 * sum * values.count + answered.count) / (2 * answered.count)  // floor(mean × k + 0.5)
        }
        func band(_ total: Int?, _ cuts: [(Int, String)]) -> String {
            guard let total else { return "" }
            return cuts.first { total <= $0.0 }!.1
        }
        let phq9 = total(items[0..<9], maxMissing: 2)
        let gad7 = total(items[9..<16], maxMissing: 0)
        return [
            phq9.map(String.init) ?? "",
            band(phq9, [(4, "minimal"), (9, "mild"), (14, "moderate"), (19, "moderately-severe"), (27, "severe")]),
            gad7.map(String.init) ?? "", band(gad7, [(4, "minimal"), (9, "mild"), (14, "moderate"), (21, "severe")]),
            (items[8] ?? 0) >= 1 ? "item9" : "",
        ]
    }

    static let compared = ["phq9.total", "phq9.total.band", "gad7.total", "gad7.total.band", "phq9.flags"]

    func testThreeThousandGeneratedFormsAgreeWithThePandasPeer() throws {
        let input = path("responses.csv")
        try generate(input)
        let run = try cli.run(["score", "--battery", "annual", input, "-o", path("psyscreen.csv")])
        XCTAssertEqual(run.status, 0, run.stderr)
        let inputRows = try CSVRows.read(input)
        let header = inputRows[0]
        let itemColumns = Self.annualItems.map { header.firstIndex(of: $0)! }
        let ours = try records("psyscreen.csv")
        XCTAssertEqual(ours.count, 3000)
        var blanks = 0
        for (row, scored) in zip(inputRows.dropFirst(), ours) {
            let items = itemColumns.map { Int(row[$0]) }
            blanks += items.filter { $0 == nil }.count
            XCTAssertEqual(scored["student_id"], row[0])
            XCTAssertEqual(Self.compared.map { scored[$0]! }, Self.expected(items), "student \(row[0]): \(items)")
        }
        XCTAssertGreaterThan(blanks, 50, "the data exercises missing items")
        XCTAssertTrue(ours.contains { $0["phq9.status"] == "prorated" })

        let peer = Self.benchDirectory + "/pandas_score.py"
        guard FileManager.default.fileExists(atPath: peer), system(["python3", "-c", "import pandas"]) == 0 else {
            print("note: pandas or \(peer) not available; compared with the re-implementation only")
            return
        }
        XCTAssertEqual(system(["python3", peer, input, path("pandas.csv")]), 0)
        let theirs = try records("pandas.csv")
        XCTAssertEqual(theirs.count, ours.count)
        for (mine, peerRow) in zip(ours, theirs) {
            XCTAssertEqual(mine["student_id"], peerRow["student_id"])
            let peerValues = Self.compared.map { peerRow[$0]!.replacingOccurrences(of: " ", with: "-") }
            XCTAssertEqual(Self.compared.map { mine[$0]! }, peerValues, "student \(mine["student_id"]!)")
        }
    }
}
