/// A listing (`results`, `warnings`, `unscreened`, `coverage`) as a workbook sheet: the tabulation as presented to
/// a person (headings and values in the run's language, ``Presentation/human(_:)``), identity columns as text
/// (an ID keeps its zeros, a grade stays `2025`), plain numbers as numbers.
package enum ListingWorkbook {
    /// Columns that name or place someone: text, whatever they look like.
    static let textColumns: [ColumnHeading] = [.studentID, .name, .school, .grade, .className, .dorm, .gender, .major, .campus]

    /// - Parameter language: the language of the tabulation's headings (its keys are recognised too).
    package static func sheet(_ tabulation: Tabulation, name: String, language: Language) -> SpreadsheetTable {
        let text = Set(textColumns.flatMap { [$0.key, $0.text(in: language)] })
        return SpreadsheetTable.converting(
            name: name, header: tabulation.header, rows: tabulation.rows,
            textColumns: Set(tabulation.header.indices.filter { text.contains(tabulation.header[$0]) }))
    }
}
