import Foundation
import PsyScreen

/// Releases of a wave over time: anonymized reports and exports come from a closed wave whose results have not
/// changed since it was closed, and a wave is closed again only when the students who changed are safe to publish
/// as a unit of their own. The store keeps, per roster student, a fingerprint of what the last closing counted;
/// the rule lives once, in this protocol's extension.
package protocol ReleaseStore: AnyObject {
    /// The wave as it stands: whether it exists and is closed, and each roster student's fingerprint at the last
    /// closing and now — without student IDs (a district administrator may call it; they see no IDs).
    func releaseSnapshot(wave: String) throws(StoreError) -> ReleaseSnapshot
    /// Whether `wave` may be published, and if it changed since it was closed, how many roster students changed:
    /// what every anonymized output checks first, so a store answers it without building the snapshot (a
    /// district's million fingerprints).
    func releaseState(wave: String) throws(StoreError) -> WaveReleaseState
    /// Keeps the current fingerprints as the wave's release, marks it closed with `pattern` for k, and adds
    /// `event` to the audit trail, in one transaction; refused (``StoreMessage/changedWhileClosing(_:)``) when the
    /// fingerprints no longer have `digest` (results came in since the snapshot was checked).
    func recordClosing(
        wave: String, threshold: MinimumCellSize, pattern: Data?, digest: String, event: AuditEvent) throws(StoreError)
    /// The pattern stored when `wave` was closed with k, if any.
    func closedPattern(wave: String, threshold: MinimumCellSize) throws(StoreError) -> Data?
    /// Opens `wave` again (new results may come in; nothing anonymized is released until it is closed again).
    func openWave(_ wave: String) throws(StoreError)
}

/// Whether a wave may be published.
package enum WaveReleaseState: Equatable, Sendable {
    case open
    case closed
    /// Closed, but results or the roster changed since: open and close it again.
    case changedSinceClosing(students: Int)
}

extension ScreeningStore {
    /// Closes `wave` for release. If it was closed and released before, the students whose result or units
    /// changed since must be safe to publish as a unit of their own: every unit of k or more students that an
    /// output shows holds none of them or at least k — otherwise comparing the two releases would show the few
    /// who changed. Refused with the units that fail; recorded in the audit trail.
    ///
    /// `pattern`: the wave's disclosure pattern at this k (``DisclosurePattern/encoded(columns:)``), kept so that
    /// every output of the closed wave shows a subset of it.
    package func closeWave(
        _ wave: String, threshold: MinimumCellSize, pattern: Data? = nil
    ) throws(StoreError) -> (students: Int, changed: Int) {
        let snapshot = try releaseSnapshot(wave: wave)
        guard snapshot.exists else { throw StoreError(path: path, .noSuchWave(wave)) }
        let changes = snapshot.hasRelease ? snapshot.changed : []
        let problems = snapshot.smallChanges(changes, k: threshold.k)
        guard problems.isEmpty else {
            throw StoreError(
                path: path,
                .closingWouldShowChanges(
                    wave: wave, changed: changes.count, units: Array(problems.prefix(5)), more: max(0, problems.count - 5),
                    k: threshold.k))
        }
        let students = snapshot.current.count
        try recordClosing(
            wave: wave, threshold: threshold, pattern: pattern, digest: snapshot.digest,
            event: .waveClose(wave: wave, k: threshold.k, students: students, changed: changes.count))
        return (students, changes.count)
    }
}
