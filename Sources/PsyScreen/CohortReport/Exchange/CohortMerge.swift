import Foundation

/// Combines the exchange files of several schools into one set of tables for a district or province report.
package enum CohortMerge {
    /// Refuses files of different waves or scoring keys, and a school that appears in two files (its figures
    /// would count twice).
    package static func merge(
        _ files: [(name: String, exchange: CohortExchange)], threshold: MinimumCellSize, at date: Date = Date()
    ) throws(CohortExchangeError) -> (tables: CohortTables, withheld: [CohortUnit: Set<CohortCell>], stamp: ReportStamp) {
        guard let first = files.first else { throw CohortExchangeError(file: "merge", .noFiles) }
        var units: [CohortUnit: CohortCounts] = [:]
        var withheld: [CohortUnit: Set<CohortCell>] = [:]
        var schoolFile: [String: String] = [:]
        var policies: [ReportStamp.PolicyKey] = []
        for (name, exchange) in files {
            guard exchange.stamp.wave == first.exchange.stamp.wave else {
                throw CohortExchangeError(
                    file: name, .otherWave(exchange.stamp.wave, first: first.exchange.stamp.wave, firstFile: first.name))
            }
            guard exchange.stamp.instruments == first.exchange.stamp.instruments,
                exchange.tables.columns == first.exchange.tables.columns
            else {
                throw CohortExchangeError(file: name, .otherKeys(firstFile: first.name))
            }
            for policy in exchange.stamp.policies where !policies.contains(policy) { policies.append(policy) }
            for school in Set(exchange.tables.units.keys.map(\.school)) {
                if let other = schoolFile[school] {
                    throw CohortExchangeError(file: name, .schoolInTwoFiles(school: school, otherFile: other))
                }
                schoolFile[school] = name
            }
            units.merge(exchange.tables.units) { current, _ in current }
            withheld.merge(exchange.withheld) { current, _ in current }
        }
        let tables = CohortTables(columns: first.exchange.tables.columns, units: units).withWaveTotal()
        let stamp = ReportStamp(
            wave: first.exchange.stamp.wave, instruments: first.exchange.stamp.instruments, policies: policies,
            minimumCellSize: threshold.k, generatedAt: date, mergedFiles: files.count)
        return (tables, withheld, stamp)
    }
}
