import Foundation

/// Combines the exchange files of several schools into one district or province report.
package enum CohortMerge {
    /// The units of every file as they are, and the whole as the sum of the schools (each figure where every
    /// school shows it). Refuses drafts, files of different waves or scoring keys, a school that appears in two
    /// files (its figures would count twice), and a k above the files' own: their patterns were decided with
    /// what only the school knows (its classes and their gender and major make-up), so a merge cannot hide
    /// more safely than they did — export again with the k wanted.
    package static func merge(
        _ files: [(name: String, exchange: CohortExchange)], threshold: MinimumCellSize, at date: Date = Date()
    ) throws(CohortExchangeError) -> (units: [PublishedUnit], columns: [CohortColumn], stamp: ReportStamp) {
        guard let first = files.first else { throw CohortExchangeError(file: "merge", .noFiles) }
        var units: [PublishedUnit] = []
        var schoolFile: [String: String] = [:]
        var policies: [ReportStamp.PolicyKey] = []
        var k = threshold.k
        for (name, exchange) in files {
            guard !exchange.isDraft else {
                throw CohortExchangeError(file: name, .draftFile)
            }
            guard exchange.stamp.wave == first.exchange.stamp.wave else {
                throw CohortExchangeError(
                    file: name, .otherWave(exchange.stamp.wave, first: first.exchange.stamp.wave, firstFile: first.name))
            }
            guard exchange.stamp.instruments == first.exchange.stamp.instruments,
                exchange.columns == first.exchange.columns
            else {
                throw CohortExchangeError(file: name, .otherKeys(firstFile: first.name))
            }
            guard exchange.stamp.minimumCellSize >= threshold.k else {
                throw CohortExchangeError(file: name, .kBelowMinCell(k: exchange.stamp.minimumCellSize, minCell: threshold.k))
            }
            k = max(k, exchange.stamp.minimumCellSize)
            for policy in exchange.stamp.policies where !policies.contains(policy) { policies.append(policy) }
            for school in Set(exchange.units.map(\.unit.school)) {
                if let other = schoolFile[school] {
                    throw CohortExchangeError(file: name, .schoolInTwoFiles(school: school, otherFile: other))
                }
                schoolFile[school] = name
            }
            units += exchange.units
        }
        let columns = first.exchange.columns
        let schools = units.filter { $0.unit.level == .school && !$0.unit.isGroup }
        let whole = PublishedUnit(sumOf: schools, as: .all, columns: columns)
        let stamp = ReportStamp(
            wave: first.exchange.stamp.wave, instruments: first.exchange.stamp.instruments, policies: policies,
            minimumCellSize: k, generatedAt: date, mergedFiles: files.count)
        return ([whole] + units.sorted { $0.unit < $1.unit }, columns, stamp)
    }
}
