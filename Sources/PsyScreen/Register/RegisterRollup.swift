/// Counts of the warning register per unit — the class, grade and school levels of the four-level early-warning
/// network (student → class/dorm → grade → school).
package struct RegisterRollupRow: Hashable, Sendable {
    package var level: CoverageTable.Level?
    package var school: String?
    package var grade: String?
    package var className: String?
    package var red: Int
    package var orange: Int
    package var yellow: Int
    /// Students at a level whose follow-up is not `closed`.
    package var open: Int
}

package enum RegisterRollup {
    /// Rows per class, then per grade, then per school (each sorted), then a total row (`level` nil).
    package static func compute(_ entries: [RegisterEntry]) -> [RegisterRollupRow] {
        var tally = Tally()
        for entry in entries { tally.add(entry) }
        return tally.rows
    }

    /// The counts of ``compute(_:)``, one entry at a time: memory grows with the units, not the students.
    package struct Tally {
        private var units: [CoverageTable.Level: [[String]: RegisterRollupRow]] = [:]
        private var total = RegisterRollupRow(
            level: nil, school: nil, grade: nil, className: nil, red: 0, orange: 0, yellow: 0, open: 0)

        package init() {}

        package mutating func add(_ entry: RegisterEntry) {
            let student = entry.student
            for level in [CoverageTable.Level.class, .grade, .school] {
                let key: [String]
                switch level {
                case .school: key = [student.school]
                case .grade: key = [student.school, student.grade]
                case .class: key = [student.school, student.grade, student.className]
                }
                var row =
                    units[level]?[key]
                    ?? RegisterRollupRow(
                        level: level, school: key[0], grade: key.count > 1 ? key[1] : nil,
                        className: key.count > 2 ? key[2] : nil, red: 0, orange: 0, yellow: 0, open: 0)
                RegisterRollup.add(entry, to: &row)
                units[level, default: [:]][key] = row
            }
            RegisterRollup.add(entry, to: &total)
        }

        /// Rows per class, grade and school, then the total.
        package var rows: [RegisterRollupRow] {
            var rows: [RegisterRollupRow] = []
            for level in [CoverageTable.Level.class, .grade, .school] {
                rows += (units[level] ?? [:]).sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value)
            }
            return rows + [total]
        }
    }

    fileprivate static func add(_ entry: RegisterEntry, to row: inout RegisterRollupRow) {
        switch entry.level {
        case .red: row.red += 1
        case .orange: row.orange += 1
        case .yellow: row.yellow += 1
        case .none: return
        }
        if entry.followUpStatus != .closed { row.open += 1 }
    }
}
