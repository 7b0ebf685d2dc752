/// The rows of a text table kept in a scratch file as they come, measured on the way, then read back to be laid
/// out (``TextTable``): a district's table in one pass over the database, with memory flat in the number of rows.
package final class TableSpool {
    private let file: ScratchFile
    /// Column widths of every row added so far, header included.
    package private(set) var widths: [Int]
    private let columns: Int

    /// The scratch file has no name and goes with the process.
    package init(header: [String], directory: String = ScratchFile.defaultDirectory) throws {
        file = try ScratchFile(directory: directory)
        columns = header.count
        widths = Array(repeating: 0, count: header.count)
        TextTable.measure(header, into: &widths)
    }

    /// Keeps a row (as many cells as the header) and widens the columns to fit it.
    package func add(_ row: [String]) throws {
        precondition(row.count == columns, "one cell per column")
        TextTable.measure(row, into: &widths)
        for cell in row {
            try file.append(value: UInt32(cell.utf8.count))
            try file.append(cell)
        }
    }

    /// Every row added, in order.
    package func forEachRow(_ body: ([String]) throws -> Void) throws {
        try file.flush()
        let reader = ScratchReader(file)
        var row: [String] = []
        row.reserveCapacity(columns)
        while let length: UInt32 = try reader.read() {
            row.append(try reader.readString(Int(length)))
            if row.count == columns {
                try body(row)
                row.removeAll(keepingCapacity: true)
            }
        }
    }
}
