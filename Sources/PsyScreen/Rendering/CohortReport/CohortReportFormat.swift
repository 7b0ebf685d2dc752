/// The output formats of `report` and `merge`.
package enum CohortReportFormat: String, CaseIterable, Sendable {
    case table
    case csv
    case json
    case html
    case md
    case xlsx

    /// The whole output: UTF-8 text, or the workbook for `xlsx`.
    package func render(_ report: CohortReport, language: Language) throws -> [UInt8] {
        let text: String
        switch self {
        case .table: return Array(CohortReportText.tableParts(report, language: language).joined())
        case .csv: return CohortReportCSV.bytes(report)
        case .json: text = CohortReportJSON.render(report)
        case .html: text = CohortReportHTML.render(report, language: language)
        case .md: text = CohortReportText.markdown(report, language: language)
        case .xlsx: return try WorkbookWriter.xlsx(CohortReportWorkbook.tables(report, language: language))
        }
        return Array(text.utf8)
    }

    /// The whole output in parts to be written one after the other (``render(_:language:)``'s bytes): a CSV
    /// rendered in two halves at once, a table section by section, any other format in one part.
    package func renderParts(_ report: CohortReport, language: Language) throws -> [[UInt8]] {
        switch self {
        case .csv: CohortReportCSV.parts(report)
        case .table: CohortReportText.tableParts(report, language: language)
        default: [try render(report, language: language)]
        }
    }

    /// Not text: never written to a terminal.
    package var isBinary: Bool { self == .xlsx }
}
