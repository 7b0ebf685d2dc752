/// `psyscreen coverage`: screened / enrolled per school, grade or class.
package enum CoverageReport {
    /// Columns begin with the unit (`school`, `grade`, `class` as the level needs), then
    /// `enrolled, screened, coverage_percent, partial, refused, not_screened, leave, internship`. The total row
    /// is last, its unit cells reading `total`/empty.
    package static func tabulate(
        _ rows: [CoverageRow], level: CoverageTable.Level, _ presentation: Presentation = .keys
    ) -> Tabulation {
        let unitColumns: [ColumnHeading]
        switch level {
        case .school: unitColumns = [.school]
        case .grade: unitColumns = [.school, .grade]
        case .class: unitColumns = [.school, .grade, .className]
        }
        let counts: [ColumnHeading] = [
            .enrolled, .screened, .coveragePercent, .partial, .refused, .notScreened, .leave, .internship,
        ]
        let body = rows.map { row -> [String] in
            let unit: [String] =
                row.isTotal
                ? [presentation.term(.total)] + Array(repeating: "", count: unitColumns.count - 1)
                : [row.school ?? "", row.grade ?? "", row.className ?? ""].prefix(unitColumns.count).map { $0 }
            let percent = row.coveragePercent.map { ScoreFormat.string($0, decimals: 1) } ?? ""
            return unit + [
                String(row.enrolled), String(row.screened), percent, String(row.partial), String(row.refused),
                String(row.notScreened), String(row.onLeave), String(row.onInternship),
            ]
        }
        return Tabulation(
            header: presentation.headings(unitColumns + counts), rows: body,
            numericColumns: Set(unitColumns.count..<(unitColumns.count + counts.count)))
    }

    package static func json(_ rows: [CoverageRow], level: CoverageTable.Level, wave: String) -> String {
        JSONValue.object([
            ("wave", .string(wave)), ("by", .string(level.rawValue)),
            ("rows", .array(tabulate(rows, level: level).jsonObjects)),
        ]).rendered()
    }
}
