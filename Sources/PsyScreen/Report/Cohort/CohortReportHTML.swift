/// `--format html`: placeholder, replaced below.
public enum CohortReportHTML {
    public static func render(_ report: CohortReport, language: String) -> String { "" }
}
