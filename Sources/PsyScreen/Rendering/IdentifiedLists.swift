import Foundation

/// The identified lists for counselors (`unscreened`, `results`, `warnings`). They hold names and IDs: the CLI
/// writes them owner-only, and they never feed an anonymized report.
package enum IdentifiedLists {
    /// Enrolled students whose latest attempt in the wave is not scored, by class.
    package static func unscreened(_ students: [(Student, ScreeningState)]) -> Tabulation {
        Tabulation(header: unscreenedHeader, rows: students.map { unscreenedRow($0.0, $0.1) })
    }

    package static let unscreenedHeader = ["school", "grade", "class", "student_id", "name", "state"]

    package static func unscreenedRow(_ student: Student, _ state: ScreeningState) -> [String] {
        [student.school, student.grade, student.className, student.studentID, student.name, state.rawValue]
    }

    /// One row per student with an attempt that counts: identity, item answers, the score columns, level,
    /// source and time.
    package static func results(_ rows: [(Student, ScreeningAttempt)], battery: Battery) -> Tabulation {
        let layout = ResultsLayout(battery)
        return Tabulation(header: layout.header, rows: rows.map { layout.row($0.0, $0.1) })
    }

    /// The columns of `results` for one battery, and its rows one at a time (a district's list is written row by
    /// row).
    package struct ResultsLayout {
        package let battery: Battery
        package let header: [String]
        private let columns: ResultColumns
        private let times = TimestampCache()

        package init(_ battery: Battery) {
            self.battery = battery
            columns = ResultColumns(battery.instruments)
            header =
                ["student_id", "name", "school", "grade", "class"] + columns.itemColumnNames + columns.names
                + ["level", "reasons", "validity", "source", "state", "time"]
        }

        package func row(_ student: Student, _ attempt: ScreeningAttempt) -> [String] {
            var cells = [student.studentID, student.name, student.school, student.grade, student.className]
            cells.reserveCapacity(header.count)
            for instrument in battery.instruments {
                let values = attempt.answers[instrument.id] ?? []
                for index in instrument.items.indices {
                    cells.append(index < values.count ? values[index].map(String.init) ?? "" : "")
                }
            }
            let results = battery.instruments.map { instrument in
                attempt.result(instrument.id)
                    ?? InstrumentResult(
                        instrumentID: instrument.id, instrumentVersion: instrument.version, scales: [], flags: [],
                        hasCrisis: false, validity: [], status: .unscored)
            }
            cells += columns.cells(results)
            cells += [
                attempt.assessment.level.rawValue, attempt.assessment.reasons.joined(separator: "; "),
                IdentifiedLists.validityCodes(attempt, results),
                attempt.source.rawValue, attempt.state.rawValue, times.string(attempt.finishedAt ?? attempt.startedAt),
            ]
            return cells
        }
    }

    /// The validity column: the sitting's findings as codes (`too-fast`), then each instrument's prefixed with its
    /// id (`phq9.too-fast`, `cesd.straight-lining:total`), so that a counselor sees which rule fired where.
    package static func validityCodes(_ attempt: ScreeningAttempt, _ results: [InstrumentResult]) -> String {
        (attempt.validity.map(\.code) + results.flatMap { result in result.validity.map { "\(result.instrumentID).\($0.code)" } })
            .joined(separator: ";")
    }

    /// The warning register, one row per student, red first.
    package static func register(_ entries: [RegisterEntry]) -> Tabulation {
        let times = TimestampCache()
        return Tabulation(header: registerHeader, rows: entries.map { registerRow($0, times: times) })
    }

    package static let registerHeader = [
        "student_id", "name", "school", "grade", "class", "dorm", "level", "reason", "follow_up", "follow_up_at",
        "source", "time",
    ]

    package static func registerRow(_ entry: RegisterEntry, times: TimestampCache) -> [String] {
        [
            entry.student.studentID, entry.student.name, entry.student.school, entry.student.grade,
            entry.student.className, entry.student.dorm ?? "", entry.level.rawValue,
            entry.reasons.joined(separator: "; "), entry.followUpStatus.rawValue,
            entry.followUp.map { times.string($0.at) } ?? "", entry.attempt.source.rawValue,
            times.string(entry.attempt.finishedAt ?? entry.attempt.startedAt),
        ]
    }

    /// The roll-up counts of the register per class, grade and school.
    package static func rollup(_ rows: [RegisterRollupRow]) -> Tabulation {
        Tabulation(
            header: ["level", "school", "grade", "class", "red", "orange", "yellow", "open"],
            rows: rows.map { row in
                [
                    row.level?.rawValue ?? "total", row.school ?? "", row.grade ?? "", row.className ?? "",
                    String(row.red), String(row.orange), String(row.yellow), String(row.open),
                ]
            }, numericColumns: [4, 5, 6, 7])
    }
}
