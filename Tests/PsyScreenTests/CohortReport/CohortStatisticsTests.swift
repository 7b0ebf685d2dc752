import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Mean, SD, median and alpha of a unit against numpy, and alpha sums against the pingouin fixtures.
final class CohortStatisticsTests: XCTestCase {
    /// PHQ-9 answers of the 12 students of one class.
    static let answers: [[Int]] = [
        [0, 1, 1, 0, 2, 1, 0, 0, 0], [1, 1, 2, 1, 1, 0, 1, 0, 0], [2, 2, 3, 2, 2, 1, 2, 1, 1],
        [0, 0, 0, 0, 1, 0, 0, 0, 0], [1, 2, 1, 1, 1, 1, 1, 0, 0], [3, 2, 3, 3, 2, 2, 2, 1, 0],
        [0, 1, 0, 1, 0, 0, 1, 0, 0], [1, 1, 1, 2, 1, 1, 0, 1, 0], [2, 3, 2, 2, 3, 2, 2, 2, 1],
        [0, 0, 1, 0, 0, 0, 0, 0, 0], [1, 0, 1, 1, 2, 1, 1, 0, 0], [2, 1, 2, 2, 1, 2, 1, 1, 0],
    ]

    /// The class as a wave of its own, counted through the same scoring as `psyscreen report`.
    private func classTables() throws -> CohortTables {
        var wave = TwoSchoolWave()
        wave.students = Self.answers.indices.map { index in
            Student(
                studentID: "X\(index)", name: "n\(index)", school: "S", grade: "G", className: "C",
                gender: "F", status: .enrolled, major: "M")
        }
        wave.answers = Dictionary(
            uniqueKeysWithValues: Self.answers.enumerated().map { index, phq in
                ("X\(index)", ["phq9": phq.map(Optional.some), "gad7": Array(repeating: Optional(0), count: 7)])
            })
        return try wave.tables(battery: Fixtures.catalog.battery("annual")!)
    }

    private func classReport() throws -> CohortReport {
        let stamp = ReportStamp(wave: "w", batteries: [Fixtures.catalog.battery("annual")!], threshold: .standard, at: Date())
        let tables = try classTables()
        // Its band counts are small and hidden, so the wave's pattern publishes no mean for it (tested below);
        // the statistics themselves are checked on the same counts with nothing hidden.
        let everything = DisclosurePattern(
            units: tables.sortedUnits, hidden: [:],
            distributions: tables.columns.map { _ in Set(tables.units.keys) },
            reliabilities: tables.columns.map { _ in Set(tables.units.keys) })
        let units = tables.sortedUnits.map { PublishedUnit($0, tables.units[$0]!, pattern: everything, columns: tables.columns) }
        return CohortReportBuilder().report(units, stamp: stamp, columns: tables.columns)
    }

    func testTheWavesPatternPublishesNoMeanBesideHiddenBands() throws {
        let stamp = ReportStamp(wave: "w", batteries: [Fixtures.catalog.battery("annual")!], threshold: .standard, at: Date())
        let report = try CohortReportBuilder().build(try classTables(), stamp: stamp).report
        let unit = try XCTUnwrap(report.unit(CohortUnit(level: .class, school: "S", grade: "G", className: "C")))
        XCTAssertEqual(unit.scales[0].bands, [nil, nil, nil, nil, 0])
        XCTAssertEqual(
            [unit.scales[0].mean, unit.scales[0].sd, unit.scales[0].median, unit.scales[0].alpha], [nil, nil, nil, nil])
        // GAD-7: everyone in the minimal band, every count published: its distribution is.
        XCTAssertEqual(unit.scales[1].mean, 0)
    }

    func testStatisticsOfAUnitEqualNumpy() throws {
        // import numpy as np
        // X = np.array(CohortStatisticsTests.answers); t = X.sum(1); k = X.shape[1]
        // t.mean(), t.std(ddof=1), np.median(t)          # 8.75, 6.239536696087153, 7.5
        // k/(k-1) * (1 - X.var(0, ddof=1).sum() / t.var(ddof=1))   # 0.9387040280210157
        let report = try classReport()
        let unit = try XCTUnwrap(report.unit(CohortUnit(level: .class, school: "S", grade: "G", className: "C")))
        let phq9 = unit.scales[0]
        XCTAssertEqual(phq9.n, 12)
        XCTAssertEqual(try XCTUnwrap(phq9.mean), 8.75, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(phq9.sd), 6.239536696087153, accuracy: 1e-12)
        XCTAssertEqual(phq9.median, 7.5)
        XCTAssertEqual(try XCTUnwrap(phq9.alpha), 0.9387040280210157, accuracy: 1e-12)
        // Totals 5 7 16 1 8 18 3 8 19 1 7 12: minimal 3, mild 5, moderate 1, moderately severe 3, severe 0.
        XCTAssertEqual(phq9.bands, [3, 5, 1, 3, 0])
        // GAD-7 all zero: no variance, no alpha.
        XCTAssertNil(unit.scales[1].alpha)
        XCTAssertEqual(unit.scales[1].sd, 0)
    }

    func testAlphaFromSumsEqualsAlphaFromRowsOnThePingouinFixtures() throws {
        // pingouin.cronbach_alpha: 0.5917188 (cronbach_alpha), 0.8016949 listwise (cronbach_wide_missing).
        for (rows, expected) in [(CronbachAlphaFixtures.complete, 0.5917188), (CronbachAlphaFixtures.wideMissing, 0.8016949)] {
            let itemCount = rows[0].count
            var halves = [AlphaAccumulator(itemCount: itemCount), AlphaAccumulator(itemCount: itemCount)]
            for (index, row) in rows.enumerated() {
                guard row.allSatisfy({ $0 != nil }) else { continue }
                halves[index % 2].add(row.map { Int($0!) })
            }
            var merged = halves[0]
            merged.merge(halves[1])
            XCTAssertEqual(try XCTUnwrap(merged.alpha), expected, accuracy: 1e-6)
            XCTAssertEqual(try XCTUnwrap(merged.alpha), try XCTUnwrap(CronbachAlpha(rows: rows)).alpha, accuracy: 1e-12)
        }
    }

    func testItemsThatAlwaysAgreeGiveAnAlphaOfExactlyOne() throws {
        var sums = AlphaAccumulator(itemCount: 7)
        for value in [0, 1, 1, 2, 3, 3, 0, 2] { sums.add(Array(repeating: value, count: 7)) }
        XCTAssertEqual(sums.alpha, 1.0)
    }

    func testPHQ9AlphaPerSchoolOfTheGeneratedWave() throws {
        // The per-school alpha equals the listwise formula over the school's complete PHQ-9 answers (numpy's
        // computation above, done here on the generated answers).
        let wave = TwoSchoolWave()
        let annual = Fixtures.catalog.battery("annual")!
        let tables = try wave.tables(battery: annual)
        for school in TwoSchoolWave.schools {
            let scorer = BatteryScorer(annual)
            let rows: [[Double?]] = try wave.students
                .filter { $0.school == school && $0.status == .enrolled }
                .compactMap { wave.answers[$0.studentID] }
                .filter { try scorer.score($0).isScored }  // the cohort: every instrument scored
                .map { $0["phq9"]!.map { $0.map(Double.init) } }
            let expected = try XCTUnwrap(CronbachAlpha(rows: rows)).alpha
            let counts = try XCTUnwrap(tables.units[CohortUnit(level: .school, school: school)])
            XCTAssertEqual(try XCTUnwrap(counts.scales[0].alpha.alpha), expected, accuracy: 1e-12)
            XCTAssertGreaterThan(expected, 0.8)
        }
    }
}

/// The pingouin fixtures of the cohort tests, as plain rows.
enum CronbachAlphaFixtures {
    static let complete: [[Double?]] = [
        [3, 2, 4, 1, 4, 5, 1, 4, 3, 2], [5, 4, 6, 3, 5, 1, 2, 5, 5, 5], [7, 3, 5, 5, 6, 4, 3, 3, 6, 5],
        [2, 4, 3, 3, 2, 2, 2, 6, 6, 3], [6, 5, 6, 5, 4, 4, 4, 6, 7, 5], [1, 2, 3, 4, 2, 5, 2, 3, 5, 2],
        [4, 3, 5, 3, 5, 2, 1, 2, 4, 3], [2, 4, 4, 3, 7, 2, 2, 4, 6, 5], [6, 5, 5, 5, 1, 6, 5, 2, 3, 2],
        [5, 4, 6, 4, 3, 5, 3, 1, 7, 2], [4, 3, 5, 2, 5, 3, 2, 3, 4, 1], [4, 2, 3, 2, 5, 3, 4, 2, 3, 4],
        [5, 5, 6, 2, 3, 3, 2, 4, 4, 5], [6, 5, 5, 4, 2, 2, 1, 4, 6, 5], [4, 3, 5, 5, 3, 1, 3, 2, 3, 4],
    ]
    static let wideMissing: [[Double?]] = [
        [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0], [nil, 0, 1, 1, nil, 1, 1, 1, 1, 0, 0],
        [1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0], [1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0], [0, 1, nil, 0, 1, 1, 1, 1, 0, 0, 0],
        [1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0], [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0], [0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0],
        [1, 0, 0, 1, 0, 1, 0, 0, nil, 0, 0], [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
    ]
}
