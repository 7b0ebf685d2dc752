import PsyScreen
import PsyScreenTestSupport

/// Cohort tables built by hand for one school: per class the PHQ-9 band counts (students placed at each band's
/// lowest score), enrolment, and warning levels given to the first screened students.
enum HandTables {
    static let phq9 = Fixtures.instrument("phq9")
    static let columns = CohortColumn.columns(of: [phq9])

    struct Class {
        var grade: String
        var name: String
        var enrolled: Int
        var bands: [Int]
        var levels: [WarningLevel: Int] = [:]
    }

    static func tables(_ classes: [Class], school: String = "S") -> CohortTables {
        var aggregator = CohortAggregator(columns: columns)
        var entry = CohortEntry(columns: columns)
        for unit in classes {
            entry.school = school
            entry.grade = unit.grade
            entry.className = unit.name
            entry.gender = "F"
            entry.major = "M"
            entry.status = .enrolled
            var levels = CohortCell.publishedLevels.flatMap { Array(repeating: $0, count: unit.levels[$0] ?? 0) }
            for (band, count) in unit.bands.enumerated() {
                for _ in 0..<count {
                    entry.clearResults()
                    entry.state = .screened
                    entry.level = levels.isEmpty ? .none : levels.removeFirst()
                    entry.scores[0] = Int(phq9.scales[0].bands[band].minimum)
                    entry.bands[0] = band
                    aggregator.add(entry)
                }
            }
            entry.clearResults()
            entry.state = .notScreened
            for _ in 0..<(unit.enrolled - unit.bands.reduce(0, +)) { aggregator.add(entry) }
        }
        return aggregator.tables()
    }

    static func report(_ classes: [Class], k: Int = 10) throws -> CohortReport {
        let stamp = ReportStamp(
            wave: "w", instruments: [], policies: [], minimumCellSize: k, generatedAt: .init(timeIntervalSince1970: 0))
        return try CohortReportBuilder(
            threshold: try MinimumCellSize(k), scope: CohortReportScope(groups: [])
        )
        .build(tables(classes), stamp: stamp).report
    }
}

extension CohortReport {
    func classUnit(_ grade: String, _ name: String, school: String = "S") -> Unit? {
        unit(CohortUnit(level: .class, school: school, grade: grade, className: name))
    }

    func gradeUnit(_ grade: String, school: String = "S") -> Unit? {
        unit(CohortUnit(level: .grade, school: school, grade: grade))
    }
}
