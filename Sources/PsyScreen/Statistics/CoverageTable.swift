import Foundation

/// Computes coverage rows from the roster and each student's screening state.
package enum CoverageTable {
    package enum Level: String, CaseIterable, Sendable {
        case school
        case grade
        case `class`
    }

    /// One row per unit at `level` (sorted by school, grade, class), then a total row. Withdrawn students are not
    /// counted anywhere. Screened students on leave or internship are not in the numerator: coverage can never
    /// pass 100 %.
    package static func compute(_ students: [(Student, ScreeningState)], by level: Level) -> [CoverageRow] {
        var tally = Tally(level)
        for (student, state) in students { tally.add(student, state) }
        return tally.rows
    }

    /// The counts of ``compute(_:by:)``, one student at a time: memory grows with the units, not the students.
    package struct Tally {
        let level: Level
        private var units: [[String]: CoverageRow] = [:]
        private var total = CoverageRow(
            school: nil, grade: nil, className: nil, enrolled: 0, screened: 0, partial: 0, refused: 0, notScreened: 0,
            onLeave: 0, onInternship: 0)

        package init(_ level: Level) { self.level = level }

        package mutating func add(_ student: Student, _ state: ScreeningState) {
            guard student.status != .withdrawn else { return }
            let key: [String]
            switch level {
            case .school: key = [student.school]
            case .grade: key = [student.school, student.grade]
            case .class: key = [student.school, student.grade, student.className]
            }
            var row =
                units[key]
                ?? CoverageRow(
                    school: key[0], grade: key.count > 1 ? key[1] : nil, className: key.count > 2 ? key[2] : nil,
                    enrolled: 0, screened: 0, partial: 0, refused: 0, notScreened: 0, onLeave: 0, onInternship: 0)
            CoverageTable.add(student.status, state, to: &row)
            CoverageTable.add(student.status, state, to: &total)
            units[key] = row
        }

        /// One row per unit, sorted, then the total.
        package var rows: [CoverageRow] {
            let sorted = units.sorted { lhs, rhs in
                lhs.key.lexicographicallyPrecedes(rhs.key) { $0.localizedStandardCompare($1) == .orderedAscending }
            }
            return sorted.map(\.value) + [total]
        }
    }

    fileprivate static func add(_ status: EnrollmentStatus, _ state: ScreeningState, to row: inout CoverageRow) {
        switch status {
        case .enrolled:
            row.enrolled += 1
            switch state {
            case .screened: row.screened += 1
            case .partial: row.partial += 1
            case .refused: row.refused += 1
            case .notScreened: row.notScreened += 1
            }
        case .leave: row.onLeave += 1
        case .internship: row.onInternship += 1
        case .withdrawn: break
        }
    }
}
