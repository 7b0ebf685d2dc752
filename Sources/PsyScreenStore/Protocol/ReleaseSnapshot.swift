import Foundation
import PsyScreen

/// A wave's release state as a store reports it: per roster student, the fingerprint the last closing kept and the
/// one the student has now (their enrolment status, units and the result that counts), without their ID.
///
/// A fingerprint is `status|school|grade|class|gender|major|attempt id|state|scored|level|red` (``fields(_:)``):
/// both stores write it the same way, so a release copied between them (`db copy`) still compares.
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

    /// The fingerprint of a roster student in a wave, from the values both stores read.
    package static func fingerprint(
        status: String, school: String, grade: String, className: String, gender: String, major: String?,
        attemptID: Int64?, state: String?, scored: Bool?, level: String?, red: Bool?
    ) -> String {
        let flag = { (value: Bool?) in value.map { $0 ? "1" : "0" } ?? "" }
        return [
            status, school, grade, className, gender, major ?? "", attemptID.map(String.init) ?? "", state ?? "",
            flag(scored), level ?? "", flag(red),
        ].joined(separator: "|")
    }

    /// A digest of fingerprints in any order.
    package static func digest<S: Sequence>(_ fingerprints: S) -> String where S.Element == String {
        var hasher = FNV1a()
        for fingerprint in fingerprints.sorted() { hasher.add(fingerprint + "\n") }
        return String(hasher.value, radix: 16)
    }

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

/// 64-bit FNV-1a: a digest that two snapshots of the same data agree on (not a secret).
private struct FNV1a {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
    }
}
