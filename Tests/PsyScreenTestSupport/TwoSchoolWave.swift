import Foundation
import PsyScreen

/// A generated wave of two schools — the one the report is checked on: grades of 3 classes of 25–45 students,
/// one class of only 6 enrolled, students on leave and internship, some not screened, PHQ-9 and GAD-7 answers
/// driven by one latent trait (so alpha is realistic), a few blanks. Deterministic: the same seed gives the same
/// wave on every machine. Names and IDs are made up.
package struct TwoSchoolWave: Sendable {
    package static let schools = ["第一职业中专", "城南职业技术学校"]
    /// The 6-student class.
    package static let smallClass = (school: "城南职业技术学校", grade: "2026", className: "2026级3班")

    package var students: [Student]
    /// Answers per screened student id (PHQ-9 and GAD-7, item order; nil = blank).
    package var answers: [String: [String: [Int?]]]

    package init(seed: UInt64 = 2026, idPrefix: String = "") {
        var rng = SplitMix64(seed: seed)
        let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
        let given = Array("明华伟芳娜敏静丽强磊军洋勇艳杰涛超秀霞平刚英玲婷宇浩然欣怡涵轩")
        let majors = ["数控技术", "电子商务", "护理", "汽车维修"]
        var students: [Student] = []
        var answers: [String: [String: [Int?]]] = [:]
        var serial = 0
        for (s, school) in Self.schools.enumerated() {
            for grade in ["2025", "2026"] {
                for number in 1...3 {
                    let className = "\(grade)级\(number)班"
                    let isSmall =
                        school == Self.smallClass.school && grade == Self.smallClass.grade
                        && className == Self.smallClass.className
                    let size = isSmall ? 6 : Int.random(in: 25...45, using: &rng)
                    for _ in 0..<size {
                        serial += 1
                        let id = "\(idPrefix)\(s == 0 ? "A" : "B")\(grade)\(String(format: "%04d", serial))"
                        let name =
                            String(surnames.randomElement(using: &rng)!)
                            + String((0..<Int.random(in: 1...2, using: &rng)).map { _ in given.randomElement(using: &rng)! })
                        let roll = Double.random(in: 0..<1, using: &rng)
                        let status: EnrollmentStatus =
                            isSmall ? .enrolled : roll < 0.03 ? .leave : roll < 0.06 ? .internship : .enrolled
                        students.append(
                            Student(
                                studentID: id, name: name, school: school, grade: grade, className: className,
                                gender: Bool.random(using: &rng) ? "男" : "女", status: status,
                                major: majors[(number + s) % majors.count],
                                birthDate: "2009-0\(Int.random(in: 1...9, using: &rng))-15"))
                        guard Double.random(in: 0..<1, using: &rng) < 0.9 else { continue }
                        let trait = Self.normal(&rng)
                        func item(_ shift: Double) -> Int? {
                            if Double.random(in: 0..<1, using: &rng) < 0.004 { return nil }
                            let value = 0.7 + 0.9 * trait + 0.6 * Self.normal(&rng) + shift
                            return min(3, max(0, Int(value.rounded())))
                        }
                        var phq = (0..<8).map { _ in item(0) }
                        phq.append(trait > 1.6 ? 1 : 0)
                        let gad = (0..<7).map { _ in item(-0.1) }
                        answers[id] = ["phq9": phq, "gad7": gad]
                    }
                }
            }
        }
        self.students = students
        self.answers = answers
    }

    /// The students of one school only (a school's own database).
    package func only(_ school: String) -> TwoSchoolWave {
        var copy = self
        copy.students = students.filter { $0.school == school }
        let ids = Set(copy.students.map(\.studentID))
        copy.answers = answers.filter { ids.contains($0.key) }
        return copy
    }

    private static func normal(_ rng: inout SplitMix64) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &rng)
        let v = Double.random(in: 0..<1, using: &rng)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

extension TwoSchoolWave {
    /// The cohort tables a report over this wave starts from, computed without a database: each screened
    /// student's answers scored with `battery`, the latest (only) attempt counting.
    package func tables(battery: Battery) throws -> CohortTables {
        let columns = CohortColumn.columns(of: battery.instruments)
        let scorer = BatteryScorer(battery)
        var aggregator = CohortAggregator(columns: columns)
        var entry = CohortEntry(columns: columns)
        for student in students {
            entry.school = student.school
            entry.grade = student.grade
            entry.className = student.className
            entry.gender = student.gender
            entry.major = student.major ?? ""
            entry.status = student.status
            entry.clearResults()
            guard let given = answers[student.studentID] else {
                entry.state = .notScreened
                aggregator.add(entry)
                continue
            }
            let outcome = try scorer.score(given)
            entry.state = outcome.isScored ? .screened : .partial
            entry.level = outcome.assessment.level
            for (index, column) in columns.enumerated() {
                guard let result = outcome.results.first(where: { $0.instrumentID == column.instrumentID }),
                    let scale = result.scale(column.scaleID), let score = scale.score
                else { continue }
                entry.scores[index] = column.scaled(score)
                entry.bands[index] = column.bands.firstIndex { $0.id == scale.bandID }
                let raw = given[column.instrumentID] ?? []
                for (item, position) in column.itemPositions.enumerated() where position < raw.count {
                    entry.items[index][item] = raw[position].map { value in column.reversal[item].map { $0 - value } ?? value }
                }
            }
            aggregator.add(entry)
        }
        return aggregator.tables()
    }
}
