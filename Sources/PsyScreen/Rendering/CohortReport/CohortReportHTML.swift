/// `--format html`: one self-contained page (inline CSS and SVG, no script, no link, nothing fetched) in
/// Chinese or English: the stamp, three charts — coverage by class against the 100 % target, band distribution
/// per scale by grade, warning levels by grade — and the tables of the other formats.
package enum CohortReportHTML {
    package static func render(_ report: CohortReport, language: Language) -> String {
        let strings = CohortReportStrings(language: language)
        let charts = CohortReportCharts(report: report, strings: strings)
        var body = "<h1>\(HTMLText.escape(strings.title))</h1>\n"
        if report.stamp.draft == true {
            // Fixed: printed on every page.
            body = "<div class=\"draft\">\(HTMLText.escape(CohortStampText.draftMarker(language)))</div>\n" + body
        }
        body += "<section class=\"stamp\"><h2>\(HTMLText.escape(strings.stampTitle))</h2><ul>\n"
        for line in CohortStampText.lines(report.stamp, language: language) {
            body += "<li>\(HTMLText.escape(line))</li>\n"
        }
        body +=
            "</ul><p class=\"note\">\(HTMLText.escape(strings.hiddenNote)) \(HTMLText.escape(strings.percentNote))</p></section>\n"

        body += "<h2>\(HTMLText.escape(strings.chartsTitle))</h2>\n"
        for (title, svg) in charts.coverageByClass() {
            body += "<figure><figcaption>\(HTMLText.escape(title))</figcaption>\n\(svg)</figure>\n"
        }
        for (title, svg, legend) in charts.bandsByGrade() {
            body += "<figure><figcaption>\(HTMLText.escape(title))</figcaption>\n\(svg)\(legendHTML(legend))</figure>\n"
        }
        let levels = CohortCell.publishedLevels.map { (strings.level($0), CohortReportCharts.levelColor($0)) }
        body +=
            "<figure><figcaption>\(HTMLText.escape(strings.levelChart))</figcaption>\n"
            + charts.levelsByGrade() + legendHTML(levels, note: strings.levelLegend) + "</figure>\n"

        body += "<h2>\(HTMLText.escape(strings.tablesTitle))</h2>\n"
        for section in CohortReportTables(report, strings: strings).sections {
            body += "<h3>\(HTMLText.escape(section.title))</h3>\n<div class=\"scroll\"><table>\n<thead><tr>"
            for header in section.header { body += "<th>\(HTMLText.escape(header))</th>" }
            body += "</tr></thead>\n<tbody>\n"
            let levelOf = report.units.map(\.unit)
            for (rowIndex, row) in section.rows.enumerated() {
                let unit = levelOf[rowIndex]
                let kind = unit.isGroup ? "group" : unit.level.rawValue
                body += "<tr class=\"\(kind)\">"
                for (index, cell) in row.enumerated() {
                    let numeric = section.numeric.contains(index)
                    body += numeric ? "<td class=\"num\">\(HTMLText.escape(cell))</td>" : "<td>\(HTMLText.escape(cell))</td>"
                }
                body += "</tr>\n"
            }
            body += "</tbody></table></div>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(strings.tag)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(strings.title)) — \(HTMLText.escape(report.stamp.wave))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private static func legendHTML(_ entries: [(String, String)], note: String? = nil) -> String {
        var html = "<p class=\"legend\">"
        for (name, color) in entries {
            html += "<span><i style=\"background:\(color)\"></i>\(HTMLText.escape(name))</span>"
        }
        if let note { html += "<span class=\"note\">\(HTMLText.escape(note))</span>" }
        return html + "</p>\n"
    }

    private static let style = """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
               margin: 2em auto; max-width: 1100px; padding: 0 1em; color: #212121; }
        h1 { font-size: 1.6em; border-bottom: 2px solid #1565c0; padding-bottom: .3em; }
        h2 { font-size: 1.3em; margin-top: 1.6em; color: #1565c0; }
        h3 { font-size: 1.05em; margin-top: 1.4em; }
        .draft { position: fixed; top: 0; left: 0; right: 0; background: #b71c1c; color: #fff; text-align: center;
                 font-weight: bold; padding: .3em; z-index: 10; }
        .stamp ul { font-size: .85em; color: #555; columns: 2; }
        .stamp li { overflow-wrap: anywhere; }
        .note { font-size: .85em; color: #555; }
        figure { margin: 1.2em 0; }
        figcaption { font-weight: bold; margin-bottom: .4em; }
        svg.chart { max-width: 100%; height: auto; font-size: 11px; }
        svg .label { text-anchor: end; fill: #333; }
        svg .value { fill: #333; }
        svg .tick { text-anchor: middle; fill: #777; font-size: 10px; }
        svg .grid { stroke: #eee; }
        svg .target { stroke: #1565c0; stroke-dasharray: 4 3; stroke-width: 1.5; }
        svg .target-label { text-anchor: end; fill: #1565c0; font-size: 10px; }
        .legend span { margin-right: 1.2em; font-size: .85em; white-space: nowrap; }
        .legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -1px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: .85em; }
        th, td { border: 1px solid #ddd; padding: .25em .5em; white-space: nowrap; }
        th { background: #e3f2fd; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.all td, tr.school td { font-weight: bold; }
        tr.group td { color: #555; }
        @media print { .scroll { overflow: visible; } }
        """
}
