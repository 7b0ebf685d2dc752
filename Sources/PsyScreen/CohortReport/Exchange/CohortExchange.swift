import Foundation

/// The anonymous aggregates a school sends to the education bureau, and their merge into a district report.
///
/// An exchange file is a publication like a report: it holds the school, its grades and their gender and major
/// groups (units of at least k students only; a split with a small group is not broken out at all) with the
/// figures of the wave's ``DisclosurePattern`` — hidden counts absent, sums, histograms and item sums only where
/// the pattern publishes the unit's distribution — plus the stamp. A merge adds what the files hold: means and
/// SDs are exact, medians come from the merged histograms, alpha from the merged item sums, wherever every school
/// shows the figure.
package struct CohortExchange: Sendable {
    package static let formatName = "psyscreen-cohort-exchange"
    package static let formatVersion = 2

    package var stamp: ReportStamp
    package var columns: [CohortColumn]
    package var units: [PublishedUnit]
    /// Written from an open wave (`--draft`): not for merging.
    package var isDraft: Bool

    package init(stamp: ReportStamp, columns: [CohortColumn], units: [PublishedUnit], isDraft: Bool = false) {
        self.stamp = stamp
        self.columns = columns
        self.units = units
        self.isDraft = isDraft
    }

    /// The export of a wave: its school and grade units and their groups under the wave's pattern (computed
    /// here unless given), units below k left out.
    package static func export(
        _ tables: CohortTables, stamp: ReportStamp, pattern: DisclosurePattern? = nil, policy: WarningPolicy? = nil,
        isDraft: Bool = false
    ) throws(CohortReportError) -> CohortExchange {
        let threshold = (try? MinimumCellSize(stamp.minimumCellSize)) ?? .standard
        let decided: DisclosurePattern
        if let pattern {
            decided = pattern
        } else {
            decided = try CohortReportBuilder.pattern(tables, threshold: threshold, policy: policy)
        }
        let units = decided.units.filter { unit in
            (unit.level == .school || unit.level == .grade) && tables.units[unit]!.enrolled >= threshold.k
        }
        return CohortExchange(
            stamp: stamp, columns: tables.columns,
            units: units.map { PublishedUnit($0, tables.units[$0]!, pattern: decided, columns: tables.columns) },
            isDraft: isDraft)
    }

    /// The file's JSON text.
    package func encoded() -> String {
        let units = self.units.map { unit -> ExchangeUnit in
            var levels: [String: Int?] = [:]
            for (level, count) in zip(CohortCell.publishedLevels, unit.levels) { levels[level.rawValue] = .some(count) }
            let scales = zip(columns, unit.scales).map { column, scale in
                var bands: [String: Int?] = [:]
                for (band, count) in zip(column.bands, scale.bands) { bands[band.id] = .some(count) }
                var histogram: [String: Int]?
                if let scores = scale.histogram {
                    histogram = [:]
                    for (score, count) in scores.counts { histogram![String(score)] = count }
                }
                return ExchangeScale(
                    scale: column.name, n: scale.n, bands: bands, count: scale.sums?.count, sum: scale.sums?.sum,
                    sumOfSquares: scale.sums?.sumOfSquares, median: scale.median, histogram: histogram,
                    cronbachAlpha: scale.alpha, alpha: scale.itemSums)
            }
            return ExchangeUnit(
                level: unit.unit.level, school: unit.unit.school, grade: unit.unit.grade, group: unit.unit.group,
                enrolled: unit.enrolled, screened: unit.screened, partial: unit.partial, refused: unit.refused,
                notScreened: unit.notScreened, onLeave: unit.onLeave, onInternship: unit.onInternship,
                levels: levels, scales: scales)
        }
        let document = ExchangeDocument(
            format: Self.formatName, formatVersion: Self.formatVersion, draft: isDraft ? true : nil, stamp: stamp,
            scales: columns, units: units)
        // Plain values only (strings, numbers, arrays, records): encoding them cannot fail.
        return ((try? JSONValue(encoding: document)) ?? .null).rendered()
    }

    /// Reads and checks an exchange file: format and version, that every count adds up and that it holds no
    /// unit below its k (a damaged or hand-edited file is refused, not merged).
    package static func decode(_ data: Data, file: String) throws(CohortExchangeError) -> CohortExchange {
        let document: ExchangeDocument
        do {
            document = try JSONDecoder().decode(ExchangeDocument.self, from: data)
        } catch {
            if let format = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
                if format["format"] as? String != formatName {
                    throw CohortExchangeError(file: file, .notAnExchangeFile)
                }
                if let version = format["format_version"] as? Int, version != formatVersion {
                    throw unsupported(version, file: file)
                }
            }
            throw CohortExchangeError(file: file, .cannotRead(Self.describe(error)))
        }
        guard document.format == formatName else {
            throw CohortExchangeError(file: file, .otherFormat(document.format))
        }
        guard document.formatVersion == formatVersion else { throw unsupported(document.formatVersion, file: file) }
        return try CohortExchangeReader(document: document, file: file).read()
    }

    private static func unsupported(_ version: Int, file: String) -> CohortExchangeError {
        CohortExchangeError(file: file, .unsupportedVersion(version, supported: formatVersion))
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
