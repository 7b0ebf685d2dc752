import Foundation

/// The anonymous aggregates a school sends to the education bureau, and their merge into a district report.
///
/// An exchange file holds, per school and grade and per gender and major group of those, the coverage counts,
/// the counts per warning level, and per scale the band counts, the count, sum and sum of squares of the scores,
/// a histogram of the scores and the sums alpha needs — all exact, none about one student — plus the stamp and
/// which figures the school's own report hid. Merging adds counts and sums: means and SDs are exact, medians
/// come from the merged histograms, alpha from the merged item sums.
package struct CohortExchange: Sendable {
    package static let formatName = "psyscreen-cohort-exchange"
    package static let formatVersion = 1

    package var stamp: ReportStamp
    package var tables: CohortTables
    /// Cells hidden by the school's own report.
    package var withheld: [CohortUnit: Set<CohortCell>]

    package init(stamp: ReportStamp, tables: CohortTables, withheld: [CohortUnit: Set<CohortCell>]) {
        self.stamp = stamp
        self.tables = tables
        self.withheld = withheld
    }

    /// The export of a school's wave: school and grade units and their groups, with the cells its own full
    /// report (every level, k of `stamp`) hides.
    package static func export(_ tables: CohortTables, stamp: ReportStamp) throws(CohortReportError) -> CohortExchange {
        let threshold = (try? MinimumCellSize(stamp.minimumCellSize)) ?? .standard
        let own = try CohortReportBuilder(threshold: threshold).build(tables, stamp: stamp)
        let kept = tables.filter { $0.level == .school || $0.level == .grade }
        return CohortExchange(
            stamp: stamp, tables: kept, withheld: own.hidden.filter { kept.units[$0.key] != nil })
    }

    /// The file's JSON text.
    package func encoded() -> String {
        let columns = tables.columns
        let units = tables.sortedUnits.map { unit -> ExchangeUnit in
            let counts = tables.units[unit]!
            var levels: [String: Int] = [:]
            for (level, count) in zip(CohortCounts.levelOrder, counts.levels) { levels[level.rawValue] = count }
            let scales = zip(columns, counts.scales).map { column, scale in
                var bands: [String: Int] = [:]
                for (band, count) in zip(column.bands, scale.bands) { bands[band.id] = count }
                var histogram: [String: Int] = [:]
                for (score, count) in scale.scores.counts { histogram[String(score)] = count }
                let accumulator = scale.scores.accumulator
                return ExchangeScale(
                    scale: column.name, n: scale.n, bands: bands, unbanded: scale.unbanded, sum: accumulator.sum,
                    sumOfSquares: accumulator.sumOfSquares, histogram: histogram, alpha: scale.alpha)
            }
            return ExchangeUnit(
                level: unit.level, school: unit.school, grade: unit.grade, group: unit.group,
                enrolled: counts.enrolled, screened: counts.screened, partial: counts.partial,
                refused: counts.refused, notScreened: counts.notScreened, onLeave: counts.onLeave,
                onInternship: counts.onInternship, levels: levels, scales: scales,
                withheld: (withheld[unit] ?? []).map { $0.name(columns) }.sorted())
        }
        let document = ExchangeDocument(
            format: Self.formatName, formatVersion: Self.formatVersion, stamp: stamp, scales: columns, units: units)
        // Plain values only (strings, numbers, arrays, records): encoding them cannot fail.
        return ((try? JSONValue(encoding: document)) ?? .null).rendered()
    }

    /// Reads and checks an exchange file: format and version, and that every count adds up (a damaged or
    /// hand-edited file is refused, not merged).
    package static func decode(_ data: Data, file: String) throws(CohortExchangeError) -> CohortExchange {
        let document: ExchangeDocument
        do {
            document = try JSONDecoder().decode(ExchangeDocument.self, from: data)
        } catch {
            if let format = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                format["format"] as? String != formatName
            {
                throw CohortExchangeError(file: file, .notAnExchangeFile)
            }
            throw CohortExchangeError(file: file, .cannotRead(Self.describe(error)))
        }
        guard document.format == formatName else {
            throw CohortExchangeError(file: file, .otherFormat(document.format))
        }
        guard document.formatVersion == formatVersion else {
            throw CohortExchangeError(file: file, .unsupportedVersion(document.formatVersion, supported: formatVersion))
        }
        return try CohortExchangeReader(document: document, file: file).read()
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "\(path.isEmpty ? "" : "at \(path): ")\(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// An exchange file that cannot be used, or files that cannot be merged.
package struct CohortExchangeError: Error, Sendable, CustomStringConvertible {
    package var file: String
    package var message: LocalizedText

    package init(file: String, _ message: ExchangeMessage) {
        self.file = file
        self.message = message.localized
    }

    /// `FILE: error: MESSAGE` in `language`.
    package func text(in language: Language) -> String {
        "\(file): \(CommonMessage.severity(.error).text(in: language))\(message.text(in: language))"
    }

    package var description: String { text(in: .english) }
}
