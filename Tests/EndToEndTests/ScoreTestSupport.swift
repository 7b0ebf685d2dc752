import Foundation
import PsyScreenTestSupport
import XCTest

/// A scratch folder and helpers for running `psyscreen score` on files written by the test.
class ScoreTestCase: XCTestCase {
    var directory = ""
    let cli = CLIRunner()

    override func setUpWithError() throws { directory = Fixtures.temporaryDirectory("e2e-score") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    /// `phq9_1,…,phq9_9,gad7_1,…,gad7_7`.
    static let annualItems = (1...9).map { "phq9_\($0)" } + (1...7).map { "gad7_\($0)" }

    /// Writes `bytes` to `name` in the scratch folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func path(_ name: String) -> String { directory + "/" + name }

    /// Everything in the scratch folder, hidden files included: for "nothing left behind".
    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory).sorted() }

    func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// The records of an output CSV as dictionaries by header name, in order.
    func records(_ name: String) throws -> [[String: String]] {
        let rows = try CSVRows.read(path(name))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The stderr lines of a run.
    func lines(_ output: CLIRunner.Output) -> [String] { output.stderr.split(separator: "\n").map(String.init) }
}
