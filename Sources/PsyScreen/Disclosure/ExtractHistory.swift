import Foundation

/// What earlier de-identified extracts under one pseudonym key published about each pseudonym: per pseudonym,
/// wave and the (possibly generalized) school, grade and gender it was written with.
///
/// Kept beside the key (`<key>.extracts`, mode 0600) and read before each extract, so that a new extract is
/// k-anonymous *together with* the earlier ones when a reader joins them on the pseudonym: rows group only with
/// rows whose earlier publications were the same (``QuasiIdentifiers/history``). Without it, copying gender
/// from wave 1's row of the same pseudonym would undo wave 2's generalization.
package struct ExtractHistory: Hashable, Sendable {
    /// Per pseudonym: `wave school grade gender` entries, sorted.
    package private(set) var entries: [String: [String]] = [:]

    package init() {}

    /// The history file of the key at `keyPath`.
    package static func path(forKey keyPath: String) -> String { keyPath + ".extracts" }

    /// Reads the file; a missing file is an empty history.
    package static func load(from path: String) throws(PseudonymError) -> ExtractHistory {
        guard FileManager.default.fileExists(atPath: path) else { return ExtractHistory() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .historyUnreadable(path: path)
        }
        var history = ExtractHistory()
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else {
                throw .historyDamaged(path: path, line: number + 1)
            }
            history.entries[fields[0], default: []].append(fields[1...].joined(separator: "\t"))
        }
        for key in history.entries.keys { history.entries[key]!.sort() }
        return history
    }

    /// The text a row of `pseudonym` carries as its ``QuasiIdentifiers/history``.
    package func history(of pseudonym: String) -> String {
        entries[pseudonym]?.joined(separator: "\n") ?? ""
    }

    /// Adds what an extract of `wave` published.
    package mutating func record(_ rows: [DeidentifiedRow], wave: String) {
        for row in rows {
            let entry = [wave, row.identifiers.school, row.identifiers.grade, row.identifiers.gender].joined(separator: "\t")
            var list = entries[row.pseudonym] ?? []
            if !list.contains(entry) { list.append(entry) }
            entries[row.pseudonym] = list.sorted()
        }
    }

    /// The file's text: one `pseudonym wave school grade gender` line per entry, tab-separated.
    package var text: String {
        entries.keys.sorted().flatMap { pseudonym in entries[pseudonym]!.map { "\(pseudonym)\t\($0)\n" } }.joined()
    }
}
