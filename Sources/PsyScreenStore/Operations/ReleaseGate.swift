import Foundation
import PsyScreen

/// The rule every anonymized output of a wave goes through: a closed, unchanged wave, or a draft. `report` and
/// `export` call it and build their output from what it gives; it refuses with a ``ReleaseRefusal``.
package enum ReleaseGate {
    /// The wave's cohort and, unless `draft`, the pattern stored with k, its JSON decoded beside the cohort's
    /// scans (for ``pattern(_:_:threshold:draft:readAhead:)``). The leaves' counts only when `auditing`, or for
    /// a draft, whose pattern is decided from them.
    package static func cohort(
        _ store: any ScreeningStore, wave: String, catalog: InstrumentCatalog, threshold: MinimumCellSize, draft: Bool,
        auditing: Bool
    ) throws -> (cohort: WaveCohort, readAhead: DisclosurePattern.Decoding?) {
        let data = draft ? nil : try store.closedPattern(wave: wave, threshold: threshold)
        let leaves = draft || auditing
        let (cohort, readAhead) = Parallel.both(
            { Result { () throws(StoreError) in try store.cohort(wave: wave, catalog: catalog, leaves: leaves) } },
            { data.map(DisclosurePattern.Decoding.init) })
        return (try cohort.get(), readAhead)
    }

    /// The pattern an output of `cohort` shows: the one stored when the wave was closed with this k (`readAhead`
    /// when ``cohort(_:wave:catalog:threshold:draft:auditing:)`` read it); for a draft, decided now. A closed wave
    /// asked for another k is refused: one pattern per wave and k.
    package static func pattern(
        _ store: any ScreeningStore, _ cohort: WaveCohort, threshold: MinimumCellSize, draft: Bool,
        readAhead: DisclosurePattern.Decoding? = nil
    ) throws -> DisclosurePattern {
        if !draft {
            guard
                let stored = try readAhead
                    ?? store.closedPattern(wave: cohort.wave, threshold: threshold).map(DisclosurePattern.Decoding.init)
            else {
                throw ReleaseRefusal(.waveNotClosedWithK(wave: cohort.wave, k: threshold.k))
            }
            guard let pattern = stored.pattern(columns: cohort.tables.columns) else {
                throw ReleaseRefusal(.waveClosedWithOtherKeys(cohort.wave))
            }
            return pattern
        }
        return try CohortReportBuilder.pattern(cohort.tables, threshold: threshold, policy: cohort.policy)
    }

    /// Whether the wave of `cohort` is closed with k and its columns, and unchanged since: closing it again would
    /// decide the same pattern (a district's takes an hour), so `wave close` leaves it as it is.
    package static func standsClosed(
        _ store: any ScreeningStore, _ cohort: WaveCohort, threshold: MinimumCellSize
    ) throws(StoreError) -> Bool {
        guard cohort.release == .closed, let stored = try store.closedPattern(wave: cohort.wave, threshold: threshold)
        else { return false }
        return DisclosurePattern.decode(stored, columns: cohort.tables.columns) != nil
    }

    /// Refuses an open or changed wave unless `draft`; returns whether the output is a draft. (An unknown wave
    /// never gets here: reading its cohort fails with the known waves.)
    package static func check(_ cohort: WaveCohort, draft: Bool) throws(ReleaseRefusal) -> Bool {
        let wave = cohort.wave
        switch cohort.release {
        case .closed:
            return draft
        case .open where draft, .changedSinceClosing where draft:
            return true
        case .open:
            throw ReleaseRefusal(.waveIsOpen(wave))
        case .changedSinceClosing(let students):
            throw ReleaseRefusal(.waveChangedSinceClosing(wave: wave, students: students))
        }
    }
}

/// Why ``ReleaseGate`` refuses to release a wave's anonymized output (`error: MESSAGE`, exit status 2).
package struct ReleaseRefusal: Error, Sendable {
    package let message: CommandMessage

    init(_ message: CommandMessage) { self.message = message }
}
