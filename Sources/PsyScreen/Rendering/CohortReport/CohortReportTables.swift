/// The report as titled tables of text cells: what `table` and `md` print (and HTML lays out with charts).
struct CohortReportTables {
    struct Section {
        var title: String
        var header: [String]
        var rows: [[String]]
        /// Columns holding numbers (right-aligned).
        var numeric: Set<Int>
    }

    let sections: [Section]

    /// The coverage section, then one per column: made at once.
    init(_ report: CohortReport, strings: CohortReportStrings) {
        sections = Parallel.map(Self.count(report)) { index in Self.section(index, report, strings: strings) }
    }

    /// How many sections `report` has.
    static func count(_ report: CohortReport) -> Int { 1 + report.columns.count }

    /// The section at `index`: coverage first, then one per column.
    static func section(_ index: Int, _ report: CohortReport, strings: CohortReportStrings) -> Section {
        index == 0 ? coverage(report, strings: strings) : scale(index - 1, report, strings: strings)
    }

    private static func coverage(_ report: CohortReport, strings: CohortReportStrings) -> Section {
        let levels = CohortCell.publishedLevels
        var coverage = Section(
            title: strings.coverageSection,
            header: [strings.unit, strings.enrolled, strings.screened, strings.coverage] + levels.map(strings.level),
            rows: [], numeric: Set(1...(3 + levels.count)))
        coverage.rows.reserveCapacity(report.units.count)
        for unit in report.units {
            coverage.rows.append(
                [
                    strings.label(unit.unit), String(unit.enrolled), DisclosureFormat.count(unit.screened),
                    unit.coveragePercent.map { ScoreFormat.string($0, decimals: 1) + "%" } ?? DisclosureFormat.hiddenMarker,
                ]
                    + unit.levels.map(DisclosureFormat.count))
        }
        return coverage
    }

    private static func scale(_ index: Int, _ report: CohortReport, strings: CohortReportStrings) -> Section {
        let column = report.columns[index]
        let bandNames = column.bands.map { CohortColumn.text($0.label, strings.tag) }
        var section = Section(
            title: strings.scaleTitle(column),
            header: [strings.unit, strings.n, strings.mean, strings.sd, strings.median, strings.alpha] + bandNames,
            rows: [], numeric: Set(1...(5 + bandNames.count)))
        section.rows.reserveCapacity(report.units.count)
        for unit in report.units {
            let scale = unit.scales[index]
            let bands = zip(scale.bands, scale.bandPercents).map { count, percent in
                count == nil
                    ? DisclosureFormat.hiddenMarker
                    : percent == DisclosureFormat.hiddenMarker
                        ? DisclosureFormat.count(count)
                        : "\(DisclosureFormat.count(count)) (\(percent))"
            }
            section.rows.append(
                [
                    strings.label(unit.unit), DisclosureFormat.count(scale.n),
                    CohortValueFormat.rounded(scale.mean, 2), CohortValueFormat.rounded(scale.sd, 2),
                    CohortValueFormat.rounded(scale.median, 1), CohortValueFormat.rounded(scale.alpha, 3),
                ] + bands)
        }
        return section
    }
}

/// `--format table` (terminal) and `--format md` (for pasting into documents).
package enum CohortReportText {
    package static func table(_ report: CohortReport, language: Language) -> String {
        String(decoding: tableParts(report, language: language).joined(), as: UTF8.self)
    }

    /// ``table(_:language:)``'s UTF-8 bytes in parts, to be written one after the other: the title and stamp, each
    /// section (made and laid out at once, section by section), the notes. Never joined: a district's tables are
    /// megabytes.
    package static func tableParts(_ report: CohortReport, language: Language) -> [[UInt8]] {
        let strings = CohortReportStrings(language: language)
        let head = strings.title + "\n" + CohortStampText.lines(report.stamp, language: language).joined(separator: "\n") + "\n"
        let sections = Parallel.map(CohortReportTables.count(report)) { index in
            let section = CohortReportTables.section(index, report, strings: strings)
            let marker = report.stamp.draft == true ? "\n" + CohortStampText.draftMarker(language) : ""
            return Array((marker + "\n" + section.title + "\n").utf8)
                + TextTable.bytes(header: section.header, rows: section.rows, rightAligned: section.numeric)
        }
        return [Array(head.utf8)] + sections + [Array(("\n" + strings.hiddenNote + "\n" + strings.percentNote + "\n").utf8)]
    }

    package static func markdown(_ report: CohortReport, language: Language) -> String {
        let strings = CohortReportStrings(language: language)
        var out = "# \(strings.title)\n\n"
        for line in CohortStampText.lines(report.stamp, language: language) { out += "- \(escape(line))\n" }
        for section in CohortReportTables(report, strings: strings).sections {
            if report.stamp.draft == true { out += "\n**\(escape(CohortStampText.draftMarker(language)))**\n" }
            out += "\n## \(escape(section.title))\n\n"
            out += "| " + section.header.map(escape).joined(separator: " | ") + " |\n"
            out += "|" + section.header.indices.map { section.numeric.contains($0) ? " --: |" : " --- |" }.joined() + "\n"
            for row in section.rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        }
        out += "\n" + strings.hiddenNote + " " + strings.percentNote + "\n"
        return out
    }

    /// Keeps a cell inside its Markdown table cell.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
