/// Plain aligned text tables for the terminal; CJK characters count as two columns.
package enum TextTable {
    /// The first row is the header, underlined with dashes.
    package static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        guard let header = rows.first else { return "" }
        return String(decoding: bytes(header: header, rows: rows.dropFirst(), rightAligned: rightAligned), as: UTF8.self)
    }

    /// ``render(_:rightAligned:)``'s UTF-8 bytes for `header` and `rows`: each cell measured once, and no String
    /// per line (a district report's tables have tens of thousands of rows).
    package static func bytes(header: [String], rows: some Collection<[String]>, rightAligned: Set<Int> = []) -> [UInt8] {
        let columns = header.count
        var widths = [Int](repeating: 0, count: columns)
        // Row by row, `columns` each (0 past a short row's end).
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity((rows.count + 1) * columns)
        func measure(_ row: [String]) {
            for index in 0..<columns {
                let width = index < row.count ? DisplayWidth.of(row[index]) : 0
                cellWidths.append(width)
                widths[index] = max(widths[index], width)
            }
        }
        measure(header)
        for row in rows { measure(row) }
        var out: [UInt8] = []
        out.reserveCapacity((rows.count + 2) * (widths.reduce(0, +) + 2 * columns + 1))
        var first = 0
        func write(_ row: [String]) {
            lay(
                row, widths: widths, rightAligned: rightAligned, width: { [first] in cellWidths[first + $0] },
                text: { out.append(contentsOf: $0.utf8) }, spaces: { out.append(contentsOf: repeatElement(0x20, count: $0)) })
            out.append(0x0A)
            first += columns
        }
        write(header)
        out.append(contentsOf: rule(widths).utf8)
        out.append(0x0A)
        for row in rows { write(row) }
        return out
    }

    /// Widens `widths` to fit `row` (a table written row by row is measured first, then written).
    package static func measure(_ row: [String], into widths: inout [Int]) {
        for (index, cell) in row.enumerated() where index < widths.count {
            widths[index] = max(widths[index], DisplayWidth.of(cell))
        }
    }

    /// One row laid out in columns of `widths` (no line break).
    package static func line(_ row: [String], widths: [Int], rightAligned: Set<Int> = []) -> String {
        var line = ""
        lay(
            row, widths: widths, rightAligned: rightAligned, width: { DisplayWidth.of(row[$0]) }, text: { line += $0 },
            spaces: { line += String(repeating: " ", count: $0) })
        return line
    }

    /// ``line(_:widths:rightAligned:)`` and a line break, written to `output` without a String per cell (a
    /// district's listing is a table of tens of thousands of rows).
    package static func writeLine(_ row: [String], widths: [Int], rightAligned: Set<Int> = [], to output: ByteWriter) throws {
        try lay(
            row, widths: widths, rightAligned: rightAligned, width: { DisplayWidth.of(row[$0]) }, text: { try output.write($0) },
            spaces: { count in for _ in 0..<count { try output.write(UInt8(ascii: " ")) } })
        try output.write(UInt8(ascii: "\n"))
    }

    /// The layout of a row: each cell (of `width(index)` columns) padded to its column's width (numbers on the
    /// left, the last cell not at all), two spaces between columns.
    private static func lay(
        _ row: [String], widths: [Int], rightAligned: Set<Int>, width: (Int) -> Int, text: (String) throws -> Void,
        spaces: (Int) throws -> Void
    ) rethrows {
        for (index, cell) in row.enumerated() where index < widths.count {
            if index > 0 { try text("  ") }
            let padding = widths[index] - width(index)
            precondition(padding >= 0, "the columns were measured with every cell")
            if rightAligned.contains(index) {
                try spaces(padding)
                try text(cell)
            } else {
                try text(cell)
                if index != row.count - 1 { try spaces(padding) }
            }
        }
    }

    /// The dashes under the header.
    package static func rule(_ widths: [Int]) -> String {
        widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    }
}
