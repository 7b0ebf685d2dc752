import Foundation
import PsyScreen

/// A wave's cohort counts with the batteries they were scored with: what `report` and `export` start from.
package struct WaveCohort: Sendable {
    package var wave: String
    /// The batteries of the wave's attempts, from the instrument catalog.
    package var batteries: [Battery]
    package var tables: CohortTables
    /// Whether the wave may be published as it stands (``ReleaseStore/releaseState(wave:)``).
    package var release: WaveReleaseState

    /// The warning policy when the wave has one battery: the disclosure audit knows that levels follow bands.
    package var policy: WarningPolicy? { batteries.count == 1 ? batteries[0].policy : nil }

    /// The stamp of a report made now from these counts.
    package func stamp(threshold: MinimumCellSize, at date: Date = Date()) -> ReportStamp {
        ReportStamp(wave: wave, batteries: batteries, threshold: threshold, at: date)
    }
}

extension ScreeningStore {
    /// Counts `wave` for a cohort report (with the leaves' counts unless `leaves` is false: deciding or auditing a
    /// pattern needs them). Refuses a wave without attempts (a typo in the name, usually) and a battery the
    /// catalog does not have.
    package func cohort(wave: String, catalog: InstrumentCatalog, leaves: Bool = true) throws(StoreError) -> WaveCohort {
        let used = try batteries(inWave: wave)
        guard !used.isEmpty else {
            let known = (try? waves()) ?? []
            throw StoreError(path: path, .waveWithoutResults(wave, known: known))
        }
        var batteries: [Battery] = []
        for (id, _) in used where !batteries.contains(where: { $0.id == id }) {
            // `import --instrument phq9 --instrument gad7` stores the ad-hoc battery `phq9+gad7`.
            let parts = id.split(separator: "+").map { catalog.instrument(String($0)) }
            guard
                let battery = catalog.battery(id)
                    ?? (parts.allSatisfy { $0 != nil } ? Battery.adHoc(parts.compactMap { $0 }) : nil)
            else {
                let problems = ([id] + id.split(separator: "+").map(String.init)).compactMap { catalog.problem(for: $0) }
                throw StoreError(
                    path: path, .unknownBattery(wave: wave, battery: id, directory: catalog.directory, problems: problems))
            }
            batteries.append(battery)
        }
        var instruments: [Instrument] = []
        for instrument in batteries.flatMap(\.instruments) where !instruments.contains(where: { $0.id == instrument.id }) {
            instruments.append(instrument)
        }
        let read = try cohortTablesAndRelease(wave: wave, columns: CohortColumn.columns(of: instruments), leaves: leaves)
        return WaveCohort(wave: wave, batteries: batteries, tables: read.tables, release: read.release)
    }
}
