/// `--format csv`: the tidy long table, one value per row, for R and pandas:
/// `level,school,grade,class,group,instrument,scale,statistic,value`. The stamp comes first, as rows of the
/// whole wave named `stamp:…`, so that the file stays one plain table for any reader.
package enum CohortReportCSV {
    package static let header = ["level", "school", "grade", "class", "group", "instrument", "scale", "statistic", "value"]

    package static func render(_ report: CohortReport) -> String { String(decoding: bytes(report), as: UTF8.self) }

    /// The file's bytes. Bytes, not String concatenation, and never a String of the whole: a district report has
    /// a million rows.
    package static func bytes(_ report: CohortReport) -> [UInt8] { parts(report).flatMap { $0 } }

    /// The file's bytes in two parts, written one after the other: each half of the units rendered on its own
    /// thread into its own buffer, so that the halves are never joined into a third (80 MB for a district).
    package static func parts(_ report: CohortReport) -> [[UInt8]] {
        let middle = report.units.count / 2
        guard middle >= 256 else { return [render(report, units: report.units.indices, header: true)] }
        return Parallel.map(2) { part in
            render(report, units: part == 0 ? 0..<middle : middle..<report.units.count, header: part == 0)
        }
    }

    /// The lines of `units` (indices into the report's), after the header and stamp lines when `header`.
    private static func render(_ report: CohortReport, units: Range<Int>, header: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 64 * (8 + report.columns.count * 16))
        func line(_ fields: [String]) {
            out.append(contentsOf: fields.map(field).joined(separator: ",").utf8)
            out.append(0x0A)
        }
        if header {
            line(Self.header)
            for (name, value) in CohortStampText.fields(report.stamp) {
                line(["all", "", "", "", "", "", "", "stamp:\(name)", value])
            }
        }
        let columnPrefixes =
            [Array(",,,".utf8)]
            + report.columns.map {
                Array(",\(field($0.instrumentID)),\(field($0.scaleID)),".utf8)
            }
        let names = CohortReport.StatisticNames(report.columns)
        // Per unit its prefix, made once; per statistic only the name and the value are written.
        for unit in report.units[units] {
            let key = unit.unit
            let unitPrefix = Array(
                ([key.level.rawValue] + [key.school, key.grade, key.className, key.group].map(typedText))
                    .map(field).joined(separator: ",").utf8)
            report.forEachStatistic(of: unit, names) { column, statistic, value in
                out.append(contentsOf: unitPrefix)
                out.append(contentsOf: columnPrefixes[column.map { $0 + 1 } ?? 0])
                out.append(contentsOf: field(statistic).utf8)
                out.append(0x2C)
                out.append(contentsOf: field(value).utf8)
                out.append(0x0A)
            }
        }
        return out
    }

    /// Names typed into a roster, made safe for spreadsheets (see ``CSVField``).
    package static func typedText(_ text: String) -> String { CSVField.neutralized(text) }

    /// RFC 4180 quoting where needed (see ``CSVField``).
    static func field(_ text: String) -> String { CSVField.encoded(text) }
}
