import PsyScreen

/// Reads a whole small CSV file into rows of strings, for assertions.
package enum CSVRows {
    package static func read(_ path: String) throws -> [[String]] {
        let reader = try CSVReader(path: path)
        var rows: [[String]] = []
        try reader.forEachRecord { rows.append($0.strings) }
        return rows
    }
}
