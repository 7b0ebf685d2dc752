import Foundation

/// One line of the audit trail: what was done, with the facts of it (files, waves, counts), so that each reader
/// sees it in their language. Stored as JSON in the trail's `detail`; the trail's `action` keeps ``action``.
package enum AuditEvent: Hashable, Sendable, Codable, Message {
    case rosterImport(source: String, students: Int, added: Int, updated: Int, moved: Int, unchanged: Int)
    case paperImport(path: String, sha256: String, wave: String, battery: String, valid: Int, stored: Int, notOnRoster: Int)
    case terminalStart(student: String, wave: String, battery: String)
    case terminalRefusal(student: String, wave: String, battery: String)
    case terminalFinish(attempt: Int64, level: WarningLevel)
    case followUp(student: String, wave: String, status: FollowUpStatus)
    /// An identified file was written; `path` `-` is standard output.
    case export(IdentifiedExport, path: String, rows: Int)
    /// A wave was closed for release with k: its roster students, and how many changed since the last closing.
    case waveClose(wave: String, k: Int, students: Int, changed: Int)
    case waveOpen(wave: String)

    package var action: AuditAction {
        switch self {
        case .rosterImport: .rosterImport
        case .paperImport: .paperImport
        case .terminalStart: .terminalStart
        case .terminalRefusal: .terminalRefusal
        case .terminalFinish: .terminalFinish
        case .followUp: .followUp
        case .export: .export
        case .waveClose: .waveClose
        case .waveOpen: .waveOpen
        }
    }

    /// The stored form.
    package var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and integers only: encoding cannot fail.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Reads a stored event; nil for a detail written as plain text by an earlier version.
    package init?(json: String) {
        guard json.hasPrefix("{"), let event = try? JSONDecoder().decode(AuditEvent.self, from: Data(json.utf8)) else {
            return nil
        }
        self = event
    }

    package var english: String {
        switch self {
        case .rosterImport(let source, let students, let added, let updated, let moved, let unchanged):
            "\(source): \(students) students, \(added) added, \(updated) updated (\(moved) moved), \(unchanged) unchanged"
        case .paperImport(let path, let sha256, let wave, let battery, let valid, let stored, let strangers):
            "\(path) (sha256 \(sha256)) into wave \(wave), battery \(battery): \(valid) valid records, \(stored) stored, \(strangers) not on the roster"
        case .terminalStart(let student, let wave, let battery), .terminalRefusal(let student, let wave, let battery):
            "\(student) in wave \(wave), battery \(battery)"
        case .terminalFinish(let attempt, let level): "attempt \(attempt): \(level.rawValue)"
        case .followUp(let student, let wave, let status): "\(student) in wave \(wave): \(status.rawValue)"
        case .export(let what, let path, let rows): "\(what.english) to \(path == "-" ? "standard output" : path): \(rows) rows"
        case .waveClose(let wave, let k, let students, let changed):
            "\(wave): k = \(k), \(students) roster students, \(changed) changed since the last closing"
        case .waveOpen(let wave): wave
        }
    }
}

/// What the audit trail says was done (its `action` column).
package enum AuditAction: String, Hashable, Sendable, Message {
    case rosterImport = "roster import"
    case paperImport = "paper import"
    case terminalStart = "terminal start"
    case terminalRefusal = "terminal refusal"
    case terminalFinish = "terminal finish"
    case followUp = "follow-up"
    case export
    case waveClose = "wave close"
    case waveOpen = "wave open"

    package var english: String { rawValue }
}

/// An identified file whose writing is audited.
package enum IdentifiedExport: Hashable, Sendable, Codable, Message {
    case results(wave: String)
    case unscreened(wave: String)
    case register(wave: String)
    case paperForms(wave: String)
    case dataEntryWorkbook(wave: String)

    package var english: String {
        switch self {
        case .results(let wave): "results of wave \(wave)"
        case .unscreened(let wave): "unscreened list of wave \(wave)"
        case .register(let wave): "warning register of wave \(wave)"
        case .paperForms(let wave): "paper forms of wave \(wave)"
        case .dataEntryWorkbook(let wave): "data-entry workbook of wave \(wave)"
        }
    }
}
