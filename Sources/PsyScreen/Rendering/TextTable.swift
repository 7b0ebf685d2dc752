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
        var cells: [String] = []
        for (index, cell) in row.enumerated() where index < widths.count {
            let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
            let isLast = index == row.count - 1
            cells.append(rightAligned.contains(index) ? padding + cell : isLast ? cell : cell + padding)
        }
        return cells.joined(separator: "  ")
    }

    /// The dashes under the header.
    package static func rule(_ widths: [Int]) -> String {
        widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    }
}
