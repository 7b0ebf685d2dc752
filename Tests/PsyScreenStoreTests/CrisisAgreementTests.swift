import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// One crisis rule, one counting attempt: on random forms (with blanks) of every shipped instrument and of one that
/// is not shipped, every path — `score` (bulk tables), `import` (the paper reader and the store), `take` (the
/// store's answer-by-answer rescoring), the register and the report — gives the flags and the level the engine
/// gives.
class CrisisAgreementTests: StoreTestCase {
    static let shipped = ["phq9", "gad7", "k10", "who5", "cesd"].map(Fixtures.instrument)
    static let batteries = [
        Fixtures.catalog.battery("annual")!, MoodFixture.battery, Battery.adHoc(shipped + [MoodFixture.instrument]),
    ]

    /// Random forms of `battery`: per instrument, answers in item order, about one in six blank.
    func forms(_ battery: Battery, count: Int, seed: UInt64) -> [[String: [Int?]]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var form: [String: [Int?]] = [:]
            for instrument in battery.instruments {
                form[instrument.id] = instrument.items.map { item in
                    let values = instrument.responses(for: item).values
                    return random.next() % 6 == 0 ? nil : values[Int(random.next() % UInt64(values.count))]
                }
            }
            return form
        }
    }

    func testEveryPathAgreesOnFlagsAndLevel() throws {
        for (index, battery) in Self.batteries.enumerated() {
            try check(battery, forms: forms(battery, count: 80, seed: UInt64(index + 1)), label: "battery \(battery.id)")
        }
    }

    private func check(_ battery: Battery, forms: [[String: [Int?]]], label: String) throws {
        // Each battery in its own waves of the test's store (the roster is the same).
        let directory = self.directory + "/" + battery.id
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let ids = forms.indices.map { String(format: "S%04d", $0) }
        _ = try store.importRoster(ids.map { Self.student($0, className: "\($0.suffix(1))班") }, source: "roster.csv")
        let scorer = BatteryScorer(battery)
        let expected = try forms.map { try scorer.score($0) }
        func flags(_ results: [InstrumentResult]) -> [String] {
            results.flatMap { result in result.flags.map { "\(result.instrumentID).\($0)" } }
        }
        XCTAssertTrue(expected.contains { $0.assessment.level == .red }, "\(label): some forms raise a crisis flag")
        XCTAssertTrue(expected.contains { $0.assessment.level != .red }, "\(label): some do not")

        // The paper file that score and import read.
        let columns = battery.instruments.flatMap { instrument in instrument.items.map { (instrument.id, $0.id) } }
        var csv = "student_id," + columns.map { "\($0.0)_\($0.1)" }.joined(separator: ",") + "\n"
        for (id, form) in zip(ids, forms) {
            csv +=
                id + "," + battery.instruments.flatMap { form[$0.id]!.map { $0.map(String.init) ?? "" } }.joined(separator: ",")
                + "\n"
        }
        let input = directory + "/paper.csv"
        try csv.write(toFile: input, atomically: true, encoding: .utf8)

        // score: the bulk tables' flags columns.
        let job = try BulkScoringJob(
            source: try CSVReader(path: input), instruments: battery.instruments,
            options: .init(reading: .init(scratchDirectory: directory)))
        let outputPath = directory + "/scored.csv"
        let fd = open(outputPath, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        let summary = try job.run(output: fd, outputName: outputPath, problems: try ProblemSpool(directory: directory))
        close(fd)
        XCTAssertEqual(summary.rejected, 0, label)
        let rows = try CSVRows.read(outputPath)
        for (row, outcome) in zip(rows.dropFirst(), expected) {
            let fromScore = battery.instruments.flatMap { instrument -> [String] in
                let cell = row[rows[0].firstIndex(of: "\(instrument.id).flags")!]
                return cell.isEmpty ? [] : cell.split(separator: ";").map { "\(instrument.id).\($0)" }
            }
            XCTAssertEqual(fromScore, flags(outcome.results), "\(label) score \(row[0])")
        }

        // import: the same reader, then the store.
        let reader = try PaperResultsReader(
            source: try CSVReader(path: input), instruments: battery.instruments,
            options: .init(requireStudentID: true, scratchDirectory: directory))
        let batch = try PaperSheetBatch.read(reader, problems: try ProblemSpool(directory: directory))
        XCTAssertEqual(batch.sheets.count, forms.count, label)
        XCTAssertEqual(batch.crisisLines.count, expected.filter { $0.results.contains(where: \.hasCrisis) }.count, label)
        _ = try store.importPaper(wave: battery.id + "-paper", battery: battery, path: input, fileHash: "h", sheets: batch.sheets)

        // take: answer by answer at the terminal (skips stored as such), rescored after each; one transaction per
        // answer, so fewer forms.
        let taken = 24
        for (id, form) in zip(ids, forms).prefix(taken) {
            let attempt = try store.startTerminalAttempt(
                wave: battery.id + "-terminal", studentID: id, battery: battery, consented: true)
            for instrument in battery.instruments {
                for (position, item) in instrument.items.enumerated() {
                    try store.saveAnswer(
                        attemptID: attempt, battery: battery, instrumentID: instrument.id, itemID: item.id,
                        value: form[instrument.id]![position], seconds: 5)
                }
            }
            try store.finishAttempt(attemptID: attempt, battery: battery)
        }

        for (wave, count) in [(battery.id + "-paper", forms.count), (battery.id + "-terminal", taken)] {
            let expected = Array(expected.prefix(count))
            // The stored results and the register.
            let screenings = Dictionary(uniqueKeysWithValues: try store.screenings(wave: wave).map { ($0.student.studentID, $0) })
            let register = Dictionary(
                uniqueKeysWithValues: try store.register(wave: wave).map { ($0.student.studentID, $0.level) })
            XCTAssertEqual(screenings.values.filter { $0.attempt != nil }.count, count, label)
            for (id, outcome) in zip(ids, expected) {
                let attempt = try XCTUnwrap(screenings[id]?.attempt, "\(label) \(wave) \(id)")
                XCTAssertEqual(flags(attempt.results), flags(outcome.results), "\(label) \(wave) \(id) stored flags")
                XCTAssertEqual(attempt.assessment.level, outcome.assessment.level, "\(label) \(wave) \(id) stored level")
                XCTAssertEqual(screenings[id]?.level, outcome.assessment.level, "\(label) \(wave) \(id) counting level")
                XCTAssertEqual(register[id] ?? WarningLevel.none, outcome.assessment.level, "\(label) \(wave) \(id) register")
            }
            // The report counts the screened enrolled students per level.
            let tables = try store.cohortTables(wave: wave, columns: CohortColumn.columns(of: battery.instruments))
            let all = try XCTUnwrap(tables.units[.all])
            for level in CohortCounts.levelOrder {
                XCTAssertEqual(
                    all.count(level), expected.filter { $0.isScored && $0.assessment.level == level }.count,
                    "\(label) \(wave) report \(level)")
            }
        }
    }
}
