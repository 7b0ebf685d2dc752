import PsyScreen

/// An identified listing written row by row (`results`, `unscreened`, `warnings`), so that memory stays flat
/// whatever the number of students, in the same bytes as the whole ``Tabulation`` would be written.
///
/// `rows` hands every row to `emit`, once (a table keeps its rows in a scratch file while it measures their
/// columns, see ``TableSpool``).
struct ListingOutput {
    var header: [String]
    var numericColumns: Set<Int> = []
    var format: ListingFormat
    /// JSON: the members before the array of rows, and the array's key.
    var jsonBefore: [(String, JSONValue)] = []
    var jsonKey = "students"

    typealias Rows = (_ emit: (_ row: [String]) throws -> Void) throws -> Void

    /// Writes the listing; `tableAfter`, `jsonAfter` and `workbook` add what follows the rows (computed while they
    /// went by). `beforeCommit` gets the number of rows once they are all written and before the file is put in
    /// place (the audit line of an identified file: if it fails, no file is left).
    ///
    /// A workbook is built in memory: a sheet holds at most 1,048,576 rows, and `xlsx` is for a class's or a
    /// school's list opened in Excel, not a district's stream.
    func write(
        to files: CommandFiles, path: String?, rows: Rows, tableAfter: () -> String = { "" },
        jsonAfter: () -> [(String, JSONValue)] = { [] },
        workbook: (_ listing: Tabulation) -> [SpreadsheetTable],
        beforeCommit: (_ rows: Int) throws -> Void = { _ in }
    ) throws {
        var count = 0
        switch format {
        case .xlsx:
            try CommandFiles.refuseBinaryOnTerminal(path)
            var collected: [[String]] = []
            try rows { row in collected.append(row) }
            let bytes = try WorkbookWriter.xlsx(
                workbook(Tabulation(header: header, rows: collected, numericColumns: numericColumns)))
            try files.write(to: path) { writer in
                try writer.output.write(bytes)
                try beforeCommit(collected.count)
            }
        case .csv:
            try files.write(to: path) { writer in
                try writer.writeRecord(header)
                // Data cells may hold what a person typed into a roster or a form.
                try rows { row in
                    count += 1
                    try writer.writeRecord(row, neutralizingFormulas: true)
                }
                try beforeCommit(count)
            }
        case .json:
            try files.write(to: path) { writer in
                var json = JSONArrayStream(before: jsonBefore, arrayKey: jsonKey)
                try writer.output.write(json.opening)
                try rows { row in
                    count += 1
                    try writer.output.write(
                        json.element(Tabulation.jsonObject(header: header, row: row, numericColumns: numericColumns)))
                }
                try writer.output.write(json.closing(after: jsonAfter()))
                try beforeCommit(count)
            }
        case .table:
            // One pass: the rows go to a scratch file while their columns are measured, then are laid out.
            let spool = try TableSpool(header: header)
            try rows { row in
                count += 1
                try spool.add(row)
            }
            try files.write(to: path) { writer in
                try writer.output.write(
                    TextTable.line(header, widths: spool.widths, rightAligned: numericColumns) + "\n"
                        + TextTable.rule(spool.widths) + "\n")
                try spool.forEachRow { row in
                    try TextTable.writeLine(row, widths: spool.widths, rightAligned: numericColumns, to: writer.output)
                }
                try writer.output.write(tableAfter())
                try beforeCommit(count)
            }
        }
    }
}
