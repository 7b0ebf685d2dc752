/// `--format csv`: the tidy long table, one value per row, for R and pandas:
/// `level,school,grade,class,group,instrument,scale,statistic,value`. The stamp comes first, as rows of the
/// whole wave named `stamp:…`, so that the file stays one plain table for any reader.
public enum CohortReportCSV {
    public static let header = ["level", "school", "grade", "class", "group", "instrument", "scale", "statistic", "value"]

    public static func render(_ report: CohortReport) -> String {
        var out = header.joined(separator: ",") + "\n"
        for (name, value) in CohortStampText.fields(report.stamp) {
            out += ["all", "", "", "", "", "", "", "stamp:\(name)", value].map(field).joined(separator: ",") + "\n"
        }
        for row in report.rows {
            let fields = [
                row.unit.level.rawValue, row.unit.school, row.unit.grade, row.unit.className, row.unit.group,
                row.instrument, row.scale, row.statistic, row.value,
            ]
            out += fields.map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// RFC 4180 quoting where needed.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
