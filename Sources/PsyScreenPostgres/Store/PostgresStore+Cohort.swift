import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

/// The anonymized side: what a cohort report is counted from, through the report functions (an administrator's
/// login reads no table with a name or an ID).
extension PostgresStore {
    /// The batteries (id, version) whose attempts are stored in `wave`, most used first.
    package func batteries(inWave wave: String) throws(StoreError) -> [(id: String, version: String)] {
        var batteries: [(id: String, version: String)] = []
        try forEachRow("SELECT battery_id, battery_version FROM psyscreen_wave_batteries(\(wave))") { row in
            let (id, version) = try row.decode((String, String).self)
            batteries.append((id, version))
        }
        return batteries
    }

    /// Counts every roster student of `wave` into the cohort tables of a report over `columns`, streaming one row
    /// per student from `psyscreen_cohort` (units, status, the attempt that counts, its answers and scale scores).
    package func cohortTables(wave: String, columns: [CohortColumn]) throws(StoreError) -> CohortTables {
        var aggregator = CohortAggregator(columns: columns)
        var entry = CohortEntry(columns: columns)
        // Columns by instrument and scale, and bands by id.
        var columnOf: [String: [String: Int]] = [:]
        for (index, column) in columns.enumerated() { columnOf[column.instrumentID, default: [:]][column.scaleID] = index }
        let bandIndex = columns.map { column in
            Dictionary(column.bands.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        }
        var columnsOfInstrument: [String: [Int]] = [:]
        for (index, column) in columns.enumerated() where !column.itemPositions.isEmpty {
            columnsOfInstrument[column.instrumentID, default: []].append(index)
        }
        var leaves: [String: Int] = [:]
        var scales = ScaleColumn.Decoder()
        try forEachRow("SELECT * FROM psyscreen_cohort(\(wave))") { row in
            let cells = row.makeRandomAccess()
            let (school, grade, className, gender, major) = (
                try cells[0].decode(String.self), try cells[1].decode(String.self), try cells[2].decode(String.self),
                try cells[3].decode(String.self), try cells[4].decode(String?.self) ?? ""
            )
            let key = [school, grade, className, gender, major].joined(separator: "\u{1F}")
            let leaf: Int
            if let known = leaves[key] {
                leaf = known
            } else {
                leaf = aggregator.leaf(school: school, grade: grade, className: className, gender: gender, major: major)
                leaves[key] = leaf
            }
            entry.status = try StoredValue.decode(try cells[5].decode(String.self), "student.status")
            let counting = try Self.counting(
                try cells[6].decode(Int64?.self), try cells[7].decode(String?.self), try cells[8].decode(Bool?.self),
                try cells[9].decode(String?.self), try cells[10].decode(Int64?.self))
            entry.state = counting.state
            entry.clearResults()
            if entry.state == .screened && entry.status == .enrolled {
                entry.level = counting.level
                let instruments = try cells[11].decode([String]?.self) ?? []
                let scaleTexts = try cells[13].decode([String]?.self) ?? []
                for (index, instrument) in instruments.enumerated() where index < scaleTexts.count {
                    guard let scaleColumns = columnOf[instrument] else { continue }
                    for scale in try scales.scales(scaleTexts[index]) {
                        guard let column = scaleColumns[scale.scaleID], let score = scale.score else { continue }
                        entry.scores[column] = columns[column].scaled(score)
                        entry.bands[column] = scale.bandID.flatMap { bandIndex[column][$0] }
                    }
                }
                let answers = try cells[12].decode([String]?.self) ?? []
                for (index, instrument) in instruments.enumerated() where index < answers.count {
                    guard let affected = columnsOfInstrument[instrument] else { continue }
                    let values = Self.answerValues(answers[index])
                    for column in affected where entry.scores[column] != nil {
                        for (item, position) in columns[column].itemPositions.enumerated() where position < values.count {
                            guard let value = values[position] else { continue }
                            entry.items[column][item] = columns[column].reversal[item].map { $0 - value } ?? value
                        }
                    }
                }
            }
            aggregator.add(entry, leaf: leaf)
        }
        return aggregator.tables()
    }

    /// The compact answers column (`0,1,,3`) read back: a blank is missing.
    static func answerValues(_ text: String) -> [Int?] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
    }
}
