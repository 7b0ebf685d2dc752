import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The extract's row order, and extracts of two waves under one key joined on the pseudonym.
final class DeidentifiedExtractTests: XCTestCase {
    static let columns = CohortColumn.columns(of: [Fixtures.instrument("phq9")])

    /// Students S000… of one school: grade by index, gender alternating until `girls` girls are placed.
    static func rows(_ count: Int, girls: Int, key: PseudonymKey) throws -> [DeidentifiedRow] {
        try (0..<count).map { index in
            DeidentifiedRow(
                pseudonym: try key.pseudonym(for: String(format: "S%03d", index)),
                identifiers: QuasiIdentifiers(
                    school: "A", grade: index < count / 2 ? "1" : "2", gender: index % 2 == 0 && index / 2 < girls ? "F" : "M"),
                scores: ["\(index % 27)"], bands: ["mild"], level: .none)
        }
    }

    func testRowOrderDoesNotFollowTheStudentIDs() throws {
        let key = try PseudonymKey(bytes: Array(repeating: 7, count: 32))
        let rows = try Self.rows(60, girls: 30, key: key)
        var shuffled = rows
        var rng = SplitMix64(seed: 3)
        shuffled.shuffle(using: &rng)
        let a = DeidentifiedExtract.render(rows, columns: Self.columns, threshold: .standard)
        let b = DeidentifiedExtract.render(shuffled, columns: Self.columns, threshold: .standard)
        XCTAssertEqual(a.csv, b.csv, "the order is the pseudonyms', whatever order the rows came in")
        let order = a.published.map { rows.firstIndex(of: $0)! }
        XCTAssertNotEqual(order, order.sorted(), "not in ID order")
    }

    func testTwoWavesJoinedOnThePseudonymStayKAnonymous() throws {
        let key = try PseudonymKey(bytes: Array(repeating: 9, count: 32))
        // Wave 1: 60 students, 15 girls per grade half — published with gender. Wave 2: the same students but
        // most girls of grade 2 gone, 3 left: wave 2 alone generalizes gender in grade 2.
        let wave1 = try Self.rows(60, girls: 30, key: key)
        let first = DeidentifiedExtract.render(wave1, columns: Self.columns, threshold: .standard)
        var history = ExtractHistory()
        history.record(first.published, wave: "w1")
        let leaving = Set(
            wave1.filter { $0.identifiers.grade == "2" && $0.identifiers.gender == "F" }.dropFirst(3).map(\.pseudonym))
        let wave2 = wave1.filter { !leaving.contains($0.pseudonym) }
        let second = DeidentifiedExtract.render(wave2, columns: Self.columns, threshold: .standard, history: history)

        // Join on the pseudonym: every combination of what the two extracts show is shared by k rows.
        let shown1 = Dictionary(uniqueKeysWithValues: first.published.map { ($0.pseudonym, $0.identifiers) })
        var combinations: [String: Int] = [:]
        for row in second.published {
            let before = shown1[row.pseudonym].map { "\($0.school)/\($0.grade)/\($0.gender)" } ?? "-"
            combinations[
                "\(before) + \(row.identifiers.school)/\(row.identifiers.grade)/\(row.identifiers.gender)", default: 0] += 1
        }
        XCTAssertFalse(combinations.isEmpty)
        for (combination, count) in combinations { XCTAssertGreaterThanOrEqual(count, 10, combination) }
        // Without the history the join would single out the three girls.
        let naive = DeidentifiedExtract.render(wave2, columns: Self.columns, threshold: .standard)
        let girls = naive.published.filter { shown1[$0.pseudonym]?.gender == "F" && $0.identifiers.grade == "2" }
        XCTAssertEqual(girls.count, 3)
        // The file round-trips.
        var written = history
        written.record(second.published, wave: "w2")
        let directory = Fixtures.temporaryDirectory("history")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/k.extracts"
        try written.text.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ExtractHistory.load(from: path), written)
    }
}
