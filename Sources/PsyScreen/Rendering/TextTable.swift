/// Plain aligned text tables for the terminal; CJK characters count as two columns.
package enum TextTable {
    /// The first row is the header, underlined with dashes.
    package static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        guard let header = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows { measure(row, into: &widths) }
        var lines: [String] = []
        for (number, row) in rows.enumerated() {
            lines.append(line(row, widths: widths, rightAligned: rightAligned))
            if number == 0 { lines.append(rule(widths)) }
        }
        return lines.joined(separator: "\n") + "\n"
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
            row, widths: widths, rightAligned: rightAligned, text: { line += $0 },
            spaces: { line += String(repeating: " ", count: $0) })
        return line
    }

    /// ``line(_:widths:rightAligned:)`` and a line break, written to `output` without a String per cell (a
    /// district's listing is a table of tens of thousands of rows).
    package static func writeLine(_ row: [String], widths: [Int], rightAligned: Set<Int> = [], to output: ByteWriter) throws {
        try lay(
            row, widths: widths, rightAligned: rightAligned, text: { try output.write($0) },
            spaces: { count in for _ in 0..<count { try output.write(UInt8(ascii: " ")) } })
        try output.write(UInt8(ascii: "\n"))
    }

    /// The layout of a row: each cell padded to its column's width (numbers on the left, the last cell not at
    /// all), two spaces between columns.
    private static func lay(
        _ row: [String], widths: [Int], rightAligned: Set<Int>, text: (String) throws -> Void, spaces: (Int) throws -> Void
    ) rethrows {
        for (index, cell) in row.enumerated() where index < widths.count {
            if index > 0 { try text("  ") }
            let padding = widths[index] - DisplayWidth.of(cell)
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
