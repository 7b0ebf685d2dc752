/// Plain aligned text tables for the terminal; CJK characters count as two columns.
package enum TextTable {
    /// The first row is the header, underlined with dashes.
    package static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        guard let header = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        var lines: [String] = []
        for (number, row) in rows.enumerated() {
            var cells: [String] = []
            for (index, cell) in row.enumerated() where index < widths.count {
                let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                let isLast = index == row.count - 1
                cells.append(rightAligned.contains(index) ? padding + cell : isLast ? cell : cell + padding)
            }
            lines.append(cells.joined(separator: "  "))
            if number == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
