/// The output formats of `report` and `merge`.
package enum CohortReportFormat: String, CaseIterable, Sendable {
    case table
    case csv
    case json
    case html
    case md

    /// The whole output as text.
    package func render(_ report: CohortReport, language: Language) -> String {
        switch self {
        case .table: CohortReportText.table(report, language: language)
        case .csv: CohortReportCSV.render(report)
        case .json: CohortReportJSON.render(report)
        case .html: CohortReportHTML.render(report, language: language)
        case .md: CohortReportText.markdown(report, language: language)
        }
    }
}
