import Foundation
import PsyScreen

/// A wave's release state as a store reports it: per roster student, the fingerprint the last closing kept and the
/// one the student has now (their enrolment status, units and the result that counts), without their ID.
///
/// A fingerprint is `status|school|grade|class|gender|major|attempt id|state|scored|level|red`, the attempt being the
/// student's latest in the wave (its state, scored as 1 or 0, level) and `red` whether any of theirs was red; a
/// field without a value is empty. Both stores write it the same way (SQLite in ``ReleaseScan``, PostgreSQL in
/// `psyscreen_release_fingerprints`), so a release copied between them (`db copy`) still compares.
package struct ReleaseSnapshot: Sendable {
    /// Whether anything was ever stored in the wave.
    package var exists: Bool
    package var isClosed: Bool
    /// Per student on the roster now or at the last closing: (then, now); nil where they were not there.
    package var pairs: [(then: String?, now: String?)]
    /// Identifies the current fingerprints, so that a closing records exactly what was checked.
    package var digest: String

    package init(exists: Bool, isClosed: Bool, pairs: [(then: String?, now: String?)], digest: String) {
        self.exists = exists
        self.isClosed = isClosed
        self.pairs = pairs
        self.digest = digest
    }

    /// Whether the wave was closed before (it has a release to compare with).
    package var hasRelease: Bool { pairs.contains { $0.then != nil } }
    /// The current fingerprints.
    package var current: [String] { pairs.compactMap(\.now) }
    /// The pairs that differ.
    package var changed: [(then: String?, now: String?)] { pairs.filter { $0.then != $0.now } }

    /// The units of k or more students (now) holding between 1 and k − 1 of the changed students (counted at
    /// their units then and now), smallest first: a class says most about who changed.
    package func smallChanges(_ changes: [(then: String?, now: String?)], k: Int) -> [ChangedUnit] {
        guard !changes.isEmpty else { return [] }
        var size: [String: Int] = [:]
        for fingerprint in current where fingerprint.hasPrefix(EnrollmentStatus.enrolled.rawValue + "|") {
            for unit in Self.units(fingerprint) { size[unit, default: 0] += 1 }
        }
        var touched: [String: Int] = [:]
        for change in changes {
            let units = Set([change.then, change.now].compactMap { $0 }.flatMap(Self.units))
            for unit in units { touched[unit, default: 0] += 1 }
        }
        return touched.compactMap { unit, changed -> ChangedUnit? in
            guard let size = size[unit], size >= k, changed < k else { return nil }
            return ChangedUnit(name: unit, changed: changed, size: size)
        }
        .sorted { ($0.size, $0.name) < ($1.size, $1.name) }
    }

    /// The units an output shows that hold the student of `fingerprint` ("" is the whole wave); none for a
    /// withdrawn student.
    private static func units(_ fingerprint: String) -> [String] {
        let fields = fingerprint.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 6, fields[0] != EnrollmentStatus.withdrawn.rawValue else { return [] }
        let (school, grade, className, gender, major) = (fields[1], fields[2], fields[3], fields[4], fields[5])
        return [
            "", school, "\(school)/\(grade)", "\(school)/\(grade)/\(className)", "\(school) [gender=\(gender)]",
            "\(school) [major=\(major)]", "\(school)/\(grade) [gender=\(gender)]", "\(school)/\(grade) [major=\(major)]",
        ]
    }
}
