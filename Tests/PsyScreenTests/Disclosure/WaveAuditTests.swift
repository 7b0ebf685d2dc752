import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Several schools audited as one wave: the shape of the independent attack (`bench/attack_disclosure.py`) that
/// found counts narrowed between schools when schools were tied only by propagated intervals.
final class WaveAuditTests: XCTestCase {
    static let annual = Fixtures.catalog.battery("annual")!

    /// A wave like the attack's: 2–3 schools, grades of 3–5 classes of 5–40 students, skewed gender and risk
    /// per class, one major per class mostly, 92 % screened.
    static func wave(seed: UInt64, schools: Int) -> TwoSchoolWave {
        var rng = SplitMix64(seed: seed)
        var wave = TwoSchoolWave()
        wave.students = []
        wave.answers = [:]
        let majors = ["护理", "数控", "电商", "会计"]
        var serial = 0
        for school in (1...schools).map({ "学校\($0)" }) {
            for grade in ["2025", "2026"] {
                for number in 1...Int.random(in: 3...5, using: &rng) {
                    let className = "\(grade)级\(number)班"
                    let size = [5, 6, 8, 12, 18, 25, 33, 40].randomElement(using: &rng)!
                    let girls = [0.05, 0.2, 0.5, 0.8].randomElement(using: &rng)!
                    let major = majors.randomElement(using: &rng)!
                    let risk = [0.3, 0.8, 1.4].randomElement(using: &rng)!
                    for _ in 0..<size {
                        serial += 1
                        let id = "X\(String(format: "%06d", serial))"
                        let gender = Double.random(in: 0..<1, using: &rng) < girls ? "女" : "男"
                        let inMajor = Double.random(in: 0..<1, using: &rng) < 0.9
                        wave.students.append(
                            Student(
                                studentID: id, name: "学生\(serial)", school: school, grade: grade, className: className,
                                gender: gender, status: .enrolled,
                                major: inMajor ? major : majors.randomElement(using: &rng)!))
                        guard Double.random(in: 0..<1, using: &rng) < 0.92 else { continue }
                        let trait = normal(&rng) * risk
                        func item(_ shift: Double) -> Int? {
                            min(3, max(0, Int((shift + 0.8 * trait + 0.6 * normal(&rng)).rounded())))
                        }
                        var phq = (0..<8).map { _ in item(0.6) }
                        phq.append(trait > 1.8 ? 1 : 0)
                        wave.answers[id] = ["phq9": phq, "gad7": (0..<7).map { _ in item(0.5) }]
                    }
                }
            }
        }
        return wave
    }

    /// The wave of `seed` with exactly `gad7Severe[i]` students of school i + 1 in GAD-7's severe band (all items
    /// 3), the others' items capped at 2 (14 at most: not severe).
    static func wave(seed: UInt64, schools: Int, gad7Severe severe: [Int]) -> TwoSchoolWave {
        var wave = wave(seed: seed, schools: schools)
        var given: [String: Int] = [:]
        for student in wave.students.sorted(by: { $0.studentID < $1.studentID }) {
            guard let gad = wave.answers[student.studentID]?["gad7"] else { continue }
            let school = Int(student.school.dropFirst(2))! - 1
            if given[student.school, default: 0] < severe[school] {
                given[student.school, default: 0] += 1
                wave.answers[student.studentID]!["gad7"] = Array(repeating: 3, count: 7)
            } else {
                wave.answers[student.studentID]!["gad7"] = gad.map { $0.map { min($0, 2) } }
            }
        }
        return wave
    }

    private static func normal(_ rng: inout SplitMix64) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &rng)
        let v = Double.random(in: 0..<1, using: &rng)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    func testTheWavesPatternHoldsAgainstOneProgramOverEverySchool() throws {
        let audit = DisclosureAudit(threshold: .standard, policy: Self.annual.policy)
        // Seven schools in one group: the repair and the audit work in blocks, the reader's program does not.
        for (seed, schools) in [(5, 3), (2, 2), (6, 3), (3, 7)] as [(UInt64, Int)] {
            let tables = try Self.wave(seed: seed, schools: schools).tables(battery: Self.annual)
            let pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: Self.annual.policy)
            if schools > 4 { XCTAssertEqual(audit.groups(tables, pattern).map(\.count), [schools]) }
            // The reader's program: every school's leaves and every published figure at once.
            let joint = audit.audit(tables, pattern: pattern, asOneProgram: true)
            XCTAssertGreaterThan(joint.intervals.count, 50, "seed \(seed)")
            XCTAssertEqual(joint.violations, [], "seed \(seed): \(joint.violations.prefix(3))")
            XCTAssertEqual(audit.audit(tables, pattern: pattern).violations, [], "seed \(seed)")
        }
    }

    func testSchoolsTiedByTheWavesCountsAreSolvedTogether() throws {
        let audit = DisclosureAudit(threshold: .standard, policy: Self.annual.policy)
        let tables = try Self.wave(seed: 5, schools: 3).tables(battery: Self.annual)
        var pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: Self.annual.policy)
        // A leak between schools: the wave and every school but the first show all their counts, so the first
        // school's hidden counts are the wave's minus the others'.
        pattern.hidden[.all] = []
        let schools = Set(tables.leaves.keys.map(\.school)).sorted()
        for school in schools.dropFirst() {
            let unit = CohortUnit(level: .school, school: school)
            pattern.hidden[unit] = pattern.hidden[unit]?.filter { !$0.isCount }
        }
        let first = CohortUnit(level: .school, school: schools[0])
        XCTAssertFalse((pattern.hidden[first] ?? []).filter(\.isCount).isEmpty)
        let split = audit.audit(tables, pattern: pattern), joint = audit.audit(tables, pattern: pattern, asOneProgram: true)
        func proved(_ report: AuditReport) -> Set<String> {
            Set(report.violations.filter { !$0.relaxed }.map { "\($0.unit) \($0.cellName) \($0.low)…\($0.high)" })
        }
        XCTAssertTrue(joint.violations.contains { $0.unit == first && $0.isPinned }, "\(joint.violations)")
        XCTAssertFalse(proved(joint).isEmpty)
        XCTAssertEqual(proved(split), proved(joint))
    }

    /// The wave's pattern, but every school hides its PHQ-9 minimal count (large in every school) and shows its
    /// other counts, while the wave shows all of its own: one group of all the schools, tied by one figure.
    static func tiedByMinimal(_ tables: CohortTables) throws -> (DisclosurePattern, [String]) {
        var pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: Self.annual.policy)
        let schools = Set(tables.leaves.keys.map(\.school)).sorted()
        pattern.hidden[.all] = []
        pattern.distributions = pattern.distributions.map { $0.subtracting([.all]) }
        for school in schools {
            let unit = CohortUnit(level: .school, school: school)
            pattern.hidden[unit] = (pattern.hidden[unit] ?? []).filter { !$0.isCount }.union([.band(0, 0)])
        }
        return (pattern, schools)
    }

    /// A group of more schools than one exact program takes is audited in blocks, each taking the wave's
    /// figures it shares with the other blocks as known. That only narrows what can be proved: whatever the one
    /// program over the whole wave (the reader's) finds narrowed, the blocks find too.
    func testALargeGroupIsAuditedInBlocksThatFindWhatTheWholeWaveFinds() throws {
        let audit = DisclosureAudit(threshold: .standard, policy: Self.annual.policy)
        let tables = try Self.wave(seed: 5, schools: 6).tables(battery: Self.annual)
        let (pattern, schools) = try Self.tiedByMinimal(tables)
        let minimal = CohortCell.band(0, 0)
        XCTAssertEqual(audit.groups(tables, pattern), [schools])
        let blocks = audit.blocks(tables, pattern)
        XCTAssertGreaterThan(blocks.count, 1, "\(blocks)")
        XCTAssertEqual(blocks.flatMap { $0 }.sorted(), schools)
        let split = audit.audit(tables, pattern: pattern)
        let joint = audit.audit(tables, pattern: pattern, asOneProgram: true)
        XCTAssertEqual(split.intervals.count, joint.intervals.count)
        func narrowed(_ report: AuditReport) -> Set<String> {
            Set(report.violations.map { "\($0.unit) \($0.cellName)" })
        }
        XCTAssertTrue(narrowed(joint).isSubset(of: narrowed(split)), "\(narrowed(joint).subtracting(narrowed(split)))")
        // A school's minimal count is hidden and keeps its protection within its block's assumed total.
        XCTAssertTrue(split.intervals.contains { $0.cell == minimal && $0.unit.level == .school })
    }

    /// The blocks of one repair round are independent, so they are repaired on several threads: the pattern is
    /// the same, figure for figure, as on one thread.
    func testBlocksRepairedOnTwoThreadsWithdrawWhatOneThreadWithdraws() throws {
        var audit = DisclosureAudit(threshold: .standard, policy: Self.annual.policy)
        let tables = try Self.wave(seed: 5, schools: 6).tables(battery: Self.annual)
        // Each school's minimal count is pinned by its n less its other bands: the repair withdraws in every block.
        let (pattern, schools) = try Self.tiedByMinimal(tables)
        XCTAssertEqual(audit.groups(tables, pattern), [schools])
        let blocks = audit.blocks(tables, pattern)
        XCTAssertGreaterThan(blocks.count, 1, "\(blocks)")
        audit.threads = 1
        let serial = audit.repair(tables, pattern: pattern)
        audit.threads = 2
        let parallel = audit.repair(tables, pattern: pattern)
        XCTAssertEqual(parallel.hidden, serial.hidden)
        XCTAssertEqual(parallel.withdrawn, serial.withdrawn)
        // Each block withdrew figures of its own schools.
        for block in blocks {
            let withdrawn = serial.hidden.filter { block.contains($0.key.school) }
                .contains { unit, cells in cells != (pattern.hidden[unit] ?? []) }
            XCTAssertTrue(withdrawn, "block \(block)")
        }
    }

    /// A district's rare count: GAD-7 severe is 1 or 2 students in each of six schools, 10 in all, so the wave
    /// publishes it and every school hides its own. No blocks of at most four schools can share it (no four of
    /// the schools come to 5 beyond their largest), so the wave withdraws it before the repair: the blocks are
    /// then small, and the reader's one program over the whole wave finds nothing pinned or narrowed.
    func testAWaveCountNoSmallBlocksCanShareIsWithdrawnAtTheWaveLevel() throws {
        let audit = DisclosureAudit(threshold: .standard, policy: Self.annual.policy)
        let wave = Self.wave(seed: 4, schools: 6, gad7Severe: [2, 2, 1, 2, 2, 1])
        let tables = try wave.tables(battery: Self.annual)
        let gad7 = try XCTUnwrap(tables.columns.firstIndex { $0.name.hasPrefix("gad7") })
        let cell = CohortCell.band(gad7, 3)
        XCTAssertEqual(tables.units[.all]?.scales[gad7].bands[3], 10)
        let pattern = try CohortReportBuilder.pattern(tables, threshold: .standard, policy: Self.annual.policy)
        XCTAssertTrue(pattern.isHidden(cell, of: .all))
        XCTAssertFalse(pattern.distributions[gad7].contains(.all))
        let schools = Set(tables.leaves.keys.map(\.school)).sorted()
        XCTAssertTrue(schools.allSatisfy { pattern.isHidden(cell, of: CohortUnit(level: .school, school: $0)) })
        let blocks = audit.blocks(tables, pattern)
        XCTAssertEqual(blocks.flatMap { $0 }.sorted(), schools)
        XCTAssertTrue(blocks.allSatisfy { $0.count <= 4 }, "\(blocks)")
        // With the wave's GAD-7 bands shown again, its severe count ties all six schools in one block.
        var shown = pattern
        shown.hidden[.all] = shown.hidden[.all]?.filter { if case .band(gad7, _) = $0 { false } else { true } }
        XCTAssertTrue(audit.blocks(tables, shown).contains { $0.count == schools.count }, "\(audit.blocks(tables, shown))")
        // The reader's program over the whole wave: nothing pinned or narrowed, the wave's severe count included.
        let joint = audit.audit(tables, pattern: pattern, asOneProgram: true)
        XCTAssertEqual(joint.violations, [])
        XCTAssertTrue(joint.intervals.contains { $0.unit == .all && $0.cell == cell })
        // Deterministic: the same pattern again.
        XCTAssertEqual(try CohortReportBuilder.pattern(tables, threshold: .standard, policy: Self.annual.policy), pattern)
    }
}
