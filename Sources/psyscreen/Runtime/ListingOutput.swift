import PsyScreen

/// An identified listing written row by row (`results`, `unscreened`, `warnings`), so that memory stays flat
/// whatever the number of students, in the same bytes as the whole ``Tabulation`` would be written.
///
/// `rows` hands every row to `emit`; it is called once for csv and json, and twice for a table, whose columns are
/// measured before they are written (the store reads both passes from one snapshot).
struct ListingOutput {
    var header: [String]
    var numericColumns: Set<Int> = []
    var format: ListingFormat
    /// JSON: the members before the array of rows, and the array's key.
    var jsonBefore: [(String, JSONValue)] = []
    var jsonKey = "students"

    typealias Rows = (_ passes: Int, _ emit: (_ pass: Int, _ row: [String]) throws -> Void) throws -> Void

    /// Writes the listing; `tableAfter` and `jsonAfter` add what follows the rows (computed while they went by).
    /// `beforeCommit` gets the number of rows once they are all written and before the file is put in place (the
    /// audit line of an identified file: if it fails, no file is left).
    func write(
        to files: CommandFiles, path: String?, rows: Rows, tableAfter: () -> String = { "" },
        jsonAfter: () -> [(String, JSONValue)] = { [] }, beforeCommit: (_ rows: Int) throws -> Void = { _ in }
    ) throws {
        var count = 0
        switch format {
        case .csv:
            try files.write(to: path) { writer in
                try writer.writeRecord(header)
                // Data cells may hold what a person typed into a roster or a form.
                try rows(1) { _, row in
                    count += 1
                    try writer.writeRecord(row, neutralizingFormulas: true)
                }
                try beforeCommit(count)
            }
        case .json:
            try files.write(to: path) { writer in
                var json = JSONArrayStream(before: jsonBefore, arrayKey: jsonKey)
                try writer.output.write(json.opening)
                try rows(1) { _, row in
                    count += 1
                    try writer.output.write(json.element(Tabulation.jsonObject(header: header, row: row, numericColumns: numericColumns)))
                }
                try writer.output.write(json.closing(after: jsonAfter()))
                try beforeCommit(count)
            }
        case .table:
            var widths = [Int](repeating: 0, count: header.count)
            TextTable.measure(header, into: &widths)
            try files.write(to: path) { writer in
                var headerWritten = false
                func writeHeader() throws {
                    try writer.output.write(
                        TextTable.line(header, widths: widths, rightAligned: numericColumns) + "\n" + TextTable.rule(widths) + "\n")
                    headerWritten = true
                }
                try rows(2) { pass, row in
                    guard pass > 0 else { return TextTable.measure(row, into: &widths) }
                    if !headerWritten { try writeHeader() }
                    count += 1
                    try writer.output.write(TextTable.line(row, widths: widths, rightAligned: numericColumns) + "\n")
                }
                if !headerWritten { try writeHeader() }
                try writer.output.write(tableAfter())
                try beforeCommit(count)
            }
        }
    }
}
