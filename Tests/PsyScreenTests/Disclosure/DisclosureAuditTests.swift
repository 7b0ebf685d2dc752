import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The audit of a wave's pattern against a reader who holds every output.
final class DisclosureAuditTests: XCTestCase {
    static let annual = Fixtures.catalog.battery("annual")!

    func audit(_ tables: CohortTables, k: Int = 10) throws -> AuditReport {
        let threshold = try MinimumCellSize(k)
        let pattern = try CohortReportBuilder.pattern(tables, threshold: threshold, policy: Self.annual.policy)
        return DisclosureAudit(threshold: threshold, policy: Self.annual.policy).audit(tables, pattern: pattern)
    }

    func testTheGeneratedWavePassesPerSchoolAndJointly() throws {
        let wave = TwoSchoolWave()
        for tables in try TwoSchoolWave.schools.map({ try wave.only($0).tables(battery: Self.annual) })
            + [try wave.tables(battery: Self.annual)]
        {
            let report = try audit(tables)
            XCTAssertGreaterThan(report.intervals.count, 10)
            XCTAssertEqual(report.violations, [], "\(report.violations.prefix(5))")
            // The pattern kept when the wave is closed reads back whole.
            let pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: Self.annual.policy)
            XCTAssertEqual(DisclosurePattern.decode(pattern.encoded(columns: tables.columns), columns: tables.columns), pattern)
        }
    }
}

/// The attack shapes of the privacy audit that found the gap (issue 17), on hand-made waves.
final class DisclosureAttackShapeTests: XCTestCase {
    static let phq9 = Fixtures.instrument("phq9")
    static let columns = CohortColumn.columns(of: [phq9])

    struct Student {
        var grade = "G1"
        var className: String
        var gender = "M"
        var score: Int?
        var level: WarningLevel = .none
    }

    /// One school's tables: every student enrolled; screened when a score is given.
    static func tables(_ students: [Student]) -> CohortTables {
        var aggregator = CohortAggregator(columns: columns)
        var entry = CohortEntry(columns: columns)
        for student in students {
            entry.clearResults()
            entry.school = "S"
            entry.grade = student.grade
            entry.className = student.className
            entry.gender = student.gender
            entry.major = "M"
            entry.status = .enrolled
            if let score = student.score {
                entry.state = .screened
                entry.level = student.level
                entry.scores[0] = score
                entry.bands[0] = phq9.scales[0].bands.firstIndex { Double(score) >= $0.minimum && Double(score) <= $0.maximum }
            } else {
                entry.state = .notScreened
            }
            aggregator.add(entry)
        }
        return aggregator.tables()
    }

    static func scores(_ values: [Int], className: String, gender: String = "M") -> [Student] {
        values.map {
            Student(className: className, gender: gender, score: $0, level: $0 >= 20 ? .orange : $0 >= 10 ? .yellow : .none)
        }
    }

    func audited(_ tables: CohortTables) throws -> (DisclosurePattern, AuditReport) {
        let pattern = try CohortReportBuilder.pattern(tables, threshold: .standard)
        let report = DisclosureAudit(threshold: .standard, policy: nil).audit(tables, pattern: pattern)
        XCTAssertEqual(report.violations, [], "\(report.violations.prefix(3))")
        return (pattern, report)
    }

    private func report(_ tables: CohortTables, by: String? = nil) throws -> CohortReport {
        let stamp = ReportStamp(
            wave: "w", instruments: [], policies: [], minimumCellSize: 10, generatedAt: .init(timeIntervalSince1970: 0))
        let scope = try by.map { try CohortReportScope(parsing: $0) } ?? .full
        return try CohortReportBuilder(scope: scope).build(tables, stamp: stamp).report
    }

    func testTwoByQueriesShowSubsetsOfOnePatternAndNoSmallClassesSums() throws {
        // The hidden class: 5 enrolled, 4 screened, scores 15 16 22 24. Grade and the other class big.
        var students = Self.scores([15, 16, 22, 24], className: "A") + [Student(className: "A", score: nil)]
        students += Self.scores((0..<20).map { [0, 2, 3, 5, 6, 8, 9, 11, 4, 1][$0 % 10] }, className: "B")
        let tables = Self.tables(students)
        let full = try report(tables)
        for by in ["grade", "class", "school,grade", "school,class", "grade,class,gender"] {
            for unit in try report(tables, by: by).units {
                XCTAssertEqual(unit, full.unit(unit.unit), "--by \(by): \(unit.unit) differs from the full report")
            }
        }
        // The grade minus class B would be class A's n, Σx and Σx²: not both distributions are published.
        let grade = try XCTUnwrap(full.gradeUnit("G1")), b = try XCTUnwrap(full.classUnit("G1", "B"))
        XCTAssertFalse(grade.scales[0].mean != nil && b.scales[0].mean != nil, "grade and class B means give class A's sum")
        let (pattern, audit) = try audited(tables)
        XCTAssertFalse(pattern.distributions[0].contains(CohortUnit(level: .class, school: "S", grade: "G1", className: "A")))
        XCTAssertGreaterThan(audit.intervals.count, 0)
        // The audit sees the attack: publish both distributions and class A's severe count is narrowed.
        var leaky = pattern
        leaky.distributions[0].formUnion([CohortUnit(level: .grade, school: "S", grade: "G1"), b.unit])
        let caught = DisclosureAudit(threshold: .standard, policy: nil).audit(tables, pattern: leaky)
        XCTAssertTrue(
            caught.violations.contains { $0.unit.className == "A" && $0.cellName == "phq9.total:band:severe" },
            "\(caught.violations)")
    }

    func testScreenedEqualToTheEnrolmentsOfTwoSmallClassesPinsNothing() throws {
        // Two classes of 6, all screened, everyone mild; a big class beside them.
        var students =
            Self.scores(Array(repeating: 6, count: 6), className: "A")
            + Self.scores(Array(repeating: 7, count: 6), className: "B")
        students += Self.scores((0..<30).map { [0, 1, 2, 3, 12, 13, 5, 6, 21, 4][$0 % 10] }, className: "C")
        let (_, audit) = try audited(Self.tables(students))
        let small = audit.intervals.filter { ["A", "B"].contains($0.unit.className) }
        XCTAssertFalse(small.isEmpty)
        for interval in small { XCTAssertFalse(interval.isPinned, "\(interval)") }
    }

    func testAMedianNeverPinsHiddenBandCounts() throws {
        // n = 10, five minimal (4) and five mild (5): median 4.5 would say exactly five scores are ≤ 4.
        var students = Self.scores([4, 4, 4, 4, 4, 5, 5, 5, 5, 5], className: "A")
        students += Self.scores((0..<40).map { [0, 1, 2, 3, 12, 13, 5, 6, 21, 4][$0 % 10] }, className: "B")
        let tables = Self.tables(students)
        let unit = try XCTUnwrap(try report(tables).classUnit("G1", "A"))
        XCTAssertNil(unit.scales[0].bands[0])
        XCTAssertNil(unit.scales[0].median, "a median beside hidden band counts")
        _ = try audited(tables)
    }

    func testASevenGirlGroupIsNotBrokenOutAtAll() throws {
        var students = Self.scores((0..<7).map { [3, 8, 12, 16, 21, 2, 9][$0] }, className: "A", gender: "F")
        students += Self.scores((0..<33).map { [0, 1, 2, 3, 12, 13, 5, 6, 21, 4, 7][$0 % 11] }, className: "A")
        let tables = Self.tables(students)
        let (pattern, _) = try audited(tables)
        XCTAssertFalse(pattern.units.contains { $0.groupAttribute == .gender }, "neither the girls nor the boys")
        XCTAssertTrue(try report(tables).units.allSatisfy { $0.unit.groupAttribute != .gender })
    }
}
