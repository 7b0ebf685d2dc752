import Foundation

/// The identified lists for counselors (`unscreened`, `results`, `warnings`). They hold names and IDs: the CLI
/// writes them owner-only, and they never feed an anonymized report.
package enum IdentifiedLists {
    /// Enrolled students whose latest attempt in the wave is not scored, by class.
    package static func unscreened(_ students: [(Student, ScreeningState)], _ presentation: Presentation = .keys) -> Tabulation {
        Tabulation(header: unscreenedHeader(presentation), rows: students.map { unscreenedRow($0.0, $0.1, presentation) })
    }

    package static func unscreenedHeader(_ presentation: Presentation = .keys) -> [String] {
        presentation.headings([.school, .grade, .className, .studentID, .name, .state])
    }

    package static func unscreenedRow(
        _ student: Student, _ state: ScreeningState, _ presentation: Presentation = .keys
    ) -> [String] {
        [student.school, student.grade, student.className, student.studentID, student.name, presentation.term(.state(state))]
    }

    /// One row per student with an attempt that counts: identity, item answers, the score columns, level,
    /// source and time.
    package static func results(
        _ rows: [(Student, ScreeningAttempt)], battery: Battery, _ presentation: Presentation = .keys
    ) -> Tabulation {
        let layout = ResultsLayout(battery, presentation)
        return Tabulation(header: layout.header, rows: rows.map { layout.row($0.0, $0.1) })
    }

    /// The columns of `results` for one battery, and its rows one at a time (a district's list is written row by
    /// row).
    package struct ResultsLayout {
        package let battery: Battery
        package let header: [String]
        private let presentation: Presentation
        private let columns: ResultColumns
        private let times = TimestampCache()
        private let instrumentIDs: [String]
        private let itemCounts: [Int]
        /// The result of an instrument the attempt has none of (refused, abandoned).
        private let unscored: [InstrumentResult]

        package init(_ battery: Battery, _ presentation: Presentation = .keys) {
            self.battery = battery
            self.presentation = presentation
            columns = ResultColumns(battery.instruments)
            instrumentIDs = battery.instruments.map(\.id)
            itemCounts = battery.instruments.map(\.items.count)
            unscored = battery.instruments.map { instrument in
                InstrumentResult(
                    instrumentID: instrument.id, instrumentVersion: instrument.version, scales: [], flags: [], hasCrisis: false,
                    validity: [], status: .unscored)
            }
            header =
                presentation.headings([.studentID, .name, .school, .grade, .className])
                + (columns.itemColumnNames + columns.names).map {
                    presentation.heading(key: $0, instruments: battery.instruments)
                }
                + presentation.headings([.level, .reasons, .validity, .source, .state, .time])
        }

        package func row(_ student: Student, _ attempt: ScreeningAttempt) -> [String] {
            var cells = [String]()
            cells.reserveCapacity(header.count)
            cells += [student.studentID, student.name, student.school, student.grade, student.className]
            // A district's list is a row per student: instruments are read in place (never copied), and the cells
            // go straight into one array.
            let results = instrumentIDs.indices.map { index in attempt.result(instrumentIDs[index]) ?? unscored[index] }
            for index in instrumentIDs.indices {
                let values = attempt.answers[instrumentIDs[index]] ?? []
                for item in 0..<itemCounts[index] {
                    cells.append(item < values.count ? values[item].map(ScoreFormat.integer) ?? "" : "")
                }
            }
            columns.appendCells(results, to: &cells)
            cells += [
                presentation.term(.level(attempt.assessment.level)),
                IdentifiedLists.reasons(attempt.assessment.reasons, presentation),
                IdentifiedLists.validityCodes(attempt, results),
                presentation.term(.source(attempt.source)), presentation.term(.attemptState(attempt.state)),
                times.string(attempt.finishedAt ?? attempt.startedAt),
            ]
            return cells
        }
    }

    /// The validity column: the sitting's findings as codes (`too-fast`), then each instrument's prefixed with its
    /// id (`phq9.too-fast`, `cesd.straight-lining:total`), so that a counselor sees which rule fired where.
    package static func validityCodes(_ attempt: ScreeningAttempt, _ results: [InstrumentResult]) -> String {
        if attempt.validity.isEmpty && results.allSatisfy({ $0.validity.isEmpty }) { return "" }
        return
            (attempt.validity.map(\.code)
            + results.flatMap { result in result.validity.map { "\(result.instrumentID).\($0.code)" } })
            .joined(separator: ";")
    }

    /// The warning register, one row per student, red first.
    package static func register(_ entries: [RegisterEntry], _ presentation: Presentation = .keys) -> Tabulation {
        let times = TimestampCache()
        return Tabulation(header: registerHeader(presentation), rows: entries.map { registerRow($0, times: times, presentation) })
    }

    package static func registerHeader(_ presentation: Presentation = .keys) -> [String] {
        presentation.headings([
            .studentID, .name, .school, .grade, .className, .dorm, .level, .reason, .followUp, .followUpAt, .source, .time,
        ])
    }

    package static func registerRow(
        _ entry: RegisterEntry, times: TimestampCache, _ presentation: Presentation = .keys
    ) -> [String] {
        [
            entry.student.studentID, entry.student.name, entry.student.school, entry.student.grade,
            entry.student.className, entry.student.dorm ?? "", presentation.term(.level(entry.level)),
            reasons(entry.reasons, presentation), presentation.term(.followUp(entry.followUpStatus)),
            entry.followUp.map { times.string($0.at) } ?? "", presentation.term(.source(entry.attempt.source)),
            times.string(entry.attempt.finishedAt ?? entry.attempt.startedAt),
        ]
    }

    /// The roll-up counts of the register per class, grade and school.
    package static func rollup(_ rows: [RegisterRollupRow], _ presentation: Presentation = .keys) -> Tabulation {
        Tabulation(
            header: presentation.headings([.unitLevel, .school, .grade, .className, .red, .orange, .yellow, .open]),
            rows: rows.map { row in
                [
                    presentation.term(row.level.map(Term.unit) ?? .total), row.school ?? "", row.grade ?? "", row.className ?? "",
                    String(row.red), String(row.orange), String(row.yellow), String(row.open),
                ]
            }, numericColumns: [4, 5, 6, 7])
    }

    fileprivate static func reasons(_ reasons: [WarningReason], _ presentation: Presentation) -> String {
        reasons.map { presentation.code($0) }.joined(separator: "; ")
    }
}
