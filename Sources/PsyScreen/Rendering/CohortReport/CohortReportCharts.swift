/// The three charts of the HTML report, from published figures only: a hidden figure is never drawn, so a
/// chart tells no more than the tables beside it.
struct CohortReportCharts {
    let report: CohortReport
    let strings: CohortReportStrings

    /// Coverage of each class against the 100 % target, one chart per school.
    func coverageByClass() -> [(title: String, svg: String)] {
        let classes = report.units.filter { $0.unit.level == .class && !$0.unit.isGroup }
        let schools = Array(Set(classes.map(\.unit.school))).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        return schools.map { school in
            let rows = classes.filter { $0.unit.school == school }.map { unit -> SVGBarChart.Row in
                let label = "\(unit.unit.grade) / \(unit.unit.className)"
                guard let coverage = unit.coveragePercent else {
                    return SVGBarChart.Row(label: label, segments: [], value: DisclosureFormat.hiddenMarker)
                }
                let color = coverage >= 95 ? "#2e7d32" : coverage >= 85 ? "#f9a825" : "#c62828"
                let text = ScoreFormat.string(coverage, decimals: 1) + "%"
                return SVGBarChart.Row(
                    label: label, segments: [.init(percent: coverage, color: color, title: "\(label): \(text)")],
                    value: text)
            }
            let chart = SVGBarChart(
                rows: rows, target: 100, targetLabel: strings.coverageTarget,
                ariaLabel: "\(strings.coverageChart) \(school)")
            return ("\(strings.coverageChart) — \(school)", chart.render())
        }
    }

    /// Per scale with bands: each grade's band distribution as a 100 % stacked bar.
    func bandsByGrade() -> [(title: String, svg: String, legend: [(String, String)])] {
        let grades = report.units.filter { $0.unit.level == .grade && !$0.unit.isGroup }
        return report.columns.enumerated().compactMap { index, column in
            guard !column.bands.isEmpty else { return nil }
            let colors = Self.bandColors(column.bands.count)
            let names = column.bands.map { CohortColumn.text($0.label, strings.tag) }
            let rows = grades.map { unit -> SVGBarChart.Row in
                let scale = unit.scales[index]
                let label = "\(unit.unit.school) / \(unit.unit.grade)"
                guard let n = scale.n, n >= report.stamp.minimumCellSize else {
                    return SVGBarChart.Row(label: label, segments: [], value: DisclosureFormat.hiddenMarker)
                }
                var segments: [SVGBarChart.Segment] = []
                var shown = 0
                for (band, count) in scale.bands.enumerated() {
                    guard let count else { continue }
                    shown += count
                    segments.append(
                        .init(
                            percent: 100 * Double(count) / Double(n), color: colors[band],
                            title: "\(names[band]): \(count) (\(scale.bandPercents[band]))"))
                }
                // What the hidden bands hold together is n minus the shown ones: a published difference.
                if shown < n {
                    segments.append(
                        .init(
                            percent: 100 * Double(n - shown) / Double(n), color: Self.hiddenColor,
                            title: strings.hiddenSegment))
                }
                return SVGBarChart.Row(label: label, segments: segments, value: "n = \(n)")
            }
            let chart = SVGBarChart(rows: rows, ariaLabel: strings.scaleTitle(column))
            return (
                strings.bandChart + " — " + strings.scaleTitle(column), chart.render(),
                Array(zip(names, colors)) + [(strings.hiddenSegment, Self.hiddenColor)]
            )
        }
    }

    /// Each grade's red, orange and yellow students as a share of those screened.
    func levelsByGrade() -> String {
        let grades = report.units.filter { $0.unit.level == .grade && !$0.unit.isGroup }
        var maximum = 5.0
        let rows = grades.map { unit -> SVGBarChart.Row in
            let label = "\(unit.unit.school) / \(unit.unit.grade)"
            guard let screened = unit.screened, screened >= report.stamp.minimumCellSize else {
                return SVGBarChart.Row(label: label, segments: [], value: DisclosureFormat.hiddenMarker)
            }
            var segments: [SVGBarChart.Segment] = []
            var texts: [String] = []
            for (level, count) in zip(CohortCell.publishedLevels, unit.levels) {
                texts.append(DisclosureFormat.count(count))
                guard let count else { continue }
                segments.append(
                    .init(
                        percent: 100 * Double(count) / Double(screened), color: Self.levelColor(level),
                        title: "\(strings.level(level)): \(count)"))
            }
            maximum = max(maximum, segments.reduce(0) { $0 + $1.percent })
            return SVGBarChart.Row(label: label, segments: segments, value: texts.joined(separator: "/"))
        }
        let axis = (maximum / 10).rounded(.up) * 10
        return SVGBarChart(rows: rows, axisMaximum: min(100, axis), ariaLabel: strings.levelChart).render()
    }

    /// The part of a bar that the hidden bands hold together.
    static let hiddenColor = "#d9d9d9"

    static func levelColor(_ level: WarningLevel) -> String {
        switch level {
        case .red: "#d32f2f"
        case .orange: "#f57c00"
        case .yellow: "#fbc02d"
        case .none: "#bdbdbd"
        }
    }

    /// Green to red, one color per band, in band order.
    static func bandColors(_ count: Int) -> [String] {
        let palette = ["#66bb6a", "#c0ca33", "#fdd835", "#fb8c00", "#e53935", "#8e24aa"]
        guard count > 1 else { return [palette[0]] }
        return (0..<count).map { palette[min(palette.count - 1, $0 * (palette.count - 1) / (count - 1))] }
    }
}
