import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

/// A wave's releases on the server, through the `psyscreen_release_*`, `psyscreen_close_wave` and
/// `psyscreen_open_wave` functions (``PostgresReleaseFunctions``): the administrator who closes a district's wave
/// reads no ID.
extension PostgresStore: ReleaseStore {
    package func releaseSnapshot(wave: String) throws(StoreError) -> ReleaseSnapshot {
        try transaction(snapshot: true) {
            let rows = try run("SELECT closed_at IS NOT NULL FROM wave WHERE id = \(wave)")
            let isClosed = try rows.first?.decode(Bool.self) ?? false
            var pairs: [(then: String?, now: String?)] = []
            try forEachRow("SELECT then_print, now_print FROM psyscreen_release_pairs(\(wave))") { row in
                let (then, now) = try row.decode((String?, String?).self)
                pairs.append((then, now))
            }
            let digest = try run("SELECT psyscreen_release_digest(\(wave))").first?.decode(String.self) ?? ""
            return ReleaseSnapshot(exists: !rows.isEmpty, isClosed: isClosed, pairs: pairs, digest: digest)
        }
    }

    /// Counted on the server: a report over a district does not fetch a million pairs to find none changed.
    package func releaseState(wave: String) throws(StoreError) -> WaveReleaseState {
        try transaction(snapshot: true) {
            let closed = try run("SELECT closed_at IS NOT NULL FROM wave WHERE id = \(wave)").first?.decode(Bool.self) ?? false
            guard closed else { return .open }
            let changed =
                try run(
                    """
                    SELECT count(*) FROM psyscreen_release_pairs(\(wave)) WHERE then_print IS DISTINCT FROM now_print
                    """
                ).first?.decode(Int64.self) ?? 0
            return changed == 0 ? .closed : .changedSinceClosing(students: Int(changed))
        }
    }

    package func cohortTablesAndRelease(
        wave: String, columns: [CohortColumn], leaves: Bool
    ) throws(StoreError) -> (tables: CohortTables, release: WaveReleaseState) {
        (try cohortTables(wave: wave, columns: columns), try releaseState(wave: wave))
    }

    package func recordClosing(
        wave: String, threshold: MinimumCellSize, pattern: Data?, digest: String, event: AuditEvent
    ) throws(StoreError) {
        let text = pattern.map { String(decoding: $0, as: UTF8.self) }
        let at = Self.stored(clock())
        let recorded = try decoded(
            run(
                """
                SELECT psyscreen_close_wave(\(wave), \(Int32(threshold.k)), \(text), \(digest), \(user), \(event.action.rawValue), \(event.json), \(at))
                """
            ).first, as: Bool.self)
        guard recorded == true else { throw failure(.changedWhileClosing(wave)) }
    }

    package func closedPattern(wave: String, threshold: MinimumCellSize) throws(StoreError) -> Data? {
        try decoded(
            run("SELECT pattern FROM wave_pattern WHERE wave_id = \(wave) AND min_cell = \(threshold.k)").first, as: String.self
        ).map { Data($0.utf8) }
    }

    package func openWave(_ wave: String) throws(StoreError) {
        let event = AuditEvent.waveOpen(wave: wave)
        let opened = try decoded(
            run("SELECT psyscreen_open_wave(\(wave), \(user), \(event.action.rawValue), \(event.json), \(Self.stored(clock())))")
                .first,
            as: Bool.self)
        guard opened == true else { throw failure(.noSuchWave(wave)) }
    }

    /// The first column of `row`, if there is a row.
    private func decoded<T: PostgresDecodable>(_ row: PostgresRow?, as type: T.Type) throws(StoreError) -> T? {
        guard let row else { return nil }
        do {
            return try row.decode(T.self)
        } catch {
            throw storeError(error)
        }
    }
}
