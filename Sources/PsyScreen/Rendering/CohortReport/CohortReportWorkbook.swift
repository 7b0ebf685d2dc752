/// `--format xlsx` of `report` and `merge`: the tables of the human formats as sheets — coverage and warning
/// levels, then one sheet per scale — and the stamp on a sheet of its own. Counts, coverage, statistics and
/// whole percentages are numbers; every hidden figure is the same marker as in the other formats (`—`), and the
/// coded ends stay text (`<5%`, `>95%`). A band's count and its percentage are two columns, so that both stay
/// numbers. A draft's sheets each start with the draft line.
package enum CohortReportWorkbook {
    package static func tables(_ report: CohortReport, language: Language) -> [SpreadsheetTable] {
        let strings = CohortReportStrings(language: language)
        var tables: [SpreadsheetTable] = []
        let levels = CohortCell.publishedLevels
        tables.append(
            SpreadsheetTable(
                name: strings.coverageSection,
                columns: ([strings.unit, strings.enrolled, strings.screened, strings.coverage + " %"] + levels.map(strings.level))
                    .enumerated().map { .init($0.element, isText: $0.offset == 0) },
                rows: report.units.map { unit in
                    [
                        .text(strings.label(unit.unit)), .integer(unit.enrolled), count(unit.screened),
                        number(unit.coveragePercent, 1),
                    ]
                        + unit.levels.map(count)
                }))
        for (index, column) in report.columns.enumerated() {
            let bands = column.bands.map { CohortColumn.text($0.label, strings.tag) }
            let title =
                ColumnHeadings.shortName(
                    title: CohortColumn.text(column.instrumentTitle, Language.english.tag), id: column.instrumentID)
                + " " + CohortColumn.text(column.scaleLabel, strings.tag)
            let header =
                [strings.unit, strings.n, strings.mean, strings.sd, strings.median, strings.alpha]
                + bands.flatMap { [$0, $0 + " %"] }
            tables.append(
                SpreadsheetTable(
                    name: title,
                    columns: header.enumerated().map { .init($0.element, isText: $0.offset == 0) },
                    rows: report.units.map { unit in
                        let scale = unit.scales[index]
                        return [
                            .text(strings.label(unit.unit)), count(scale.n), number(scale.mean, 2), number(scale.sd, 2),
                            number(scale.median, 1), number(scale.alpha, 3),
                        ] + zip(scale.bands, scale.bandPercents).flatMap { [count($0), percent($1)] }
                    }))
        }
        let about = CohortStampText.lines(report.stamp, language: language) + ["", strings.hiddenNote, strings.percentNote]
        tables.append(
            SpreadsheetTable(
                name: strings.stampTitle, columns: [.init(strings.stampTitle, wraps: true, width: 90)],
                rows: about.map { [$0.isEmpty ? .empty : .text($0)] }, freezesHeader: false))
        guard report.stamp.draft == true else { return tables }
        // A draft says so on every sheet, under the header, where a copied sheet still carries it.
        let marker = CohortStampText.draftMarker(strings.language)
        return tables.map { table in
            guard table.name != strings.stampTitle else { return table }  // its first line is the marker already
            var table = table
            table.rows.insert([.text(marker)] + Array(repeating: .empty, count: table.columns.count - 1), at: 0)
            return table
        }
    }

    private static func count(_ value: Int?) -> SpreadsheetTable.Cell {
        value.map { .integer($0) } ?? .text(DisclosureFormat.hiddenMarker)
    }

    /// Rounded as the human formats show it.
    private static func number(_ value: Double?, _ decimals: Int) -> SpreadsheetTable.Cell {
        SpreadsheetTable.Cell.parsing(CohortValueFormat.rounded(value, decimals))
    }

    /// `12%` as the number 12; `<5%`, `>95%` and the marker as they are.
    private static func percent(_ text: String) -> SpreadsheetTable.Cell {
        if text.hasSuffix("%"), let value = Int(text.dropLast()) { return .integer(value) }
        return .text(text)
    }
}
