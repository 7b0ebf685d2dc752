/// A listing (`results`, `warnings`, `unscreened`, `coverage`) as a workbook sheet: human headings, identity
/// columns as text (an ID keeps its zeros, a grade stays `2025`), plain numbers as numbers.
package enum ListingWorkbook {
    /// Columns that name or place someone: text, whatever they look like.
    static let textColumns: Set<String> = ["student_id", "name", "school", "grade", "class", "dorm", "gender", "major", "campus"]

    /// - Parameter renamed: headings that differ from ``ColumnHeadings`` in this listing.
    package static func sheet(
        _ tabulation: Tabulation, name: String, headings: ColumnHeadings, renamed: [String: String] = [:]
    ) -> SpreadsheetTable {
        SpreadsheetTable.converting(
            name: name, header: tabulation.header.map { renamed[$0] ?? headings.heading($0) }, rows: tabulation.rows,
            textColumns: Set(tabulation.header.indices.filter { textColumns.contains(tabulation.header[$0]) }))
    }
}
