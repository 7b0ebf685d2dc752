/// What a command's integrity check of a SQLite file covers: SQLite's `quick_check` of every page, or of the
/// tables the command reads and their indexes.
///
/// A command that stores checks the whole file (it is about to add to it). A command that only reads may name the
/// tables it reads: the check then vouches for everything its output comes from, and a district's answers — a
/// third of the file, half of the check's time, never read by an anonymized release — are left to the commands
/// that read them and to `db check`. SQLite still stops at any damaged page the command meets.
package enum IntegrityScope: Sendable, Equatable {
    case wholeFile
    case tables([String])

    /// The tables an anonymized release of a wave reads (`report`, `export`): the roster, the attempts with their
    /// stored results, the imports (staged ones are left out), the waves with the digest of their last closing, and
    /// the pattern a closing stored. Not the answers, the follow-ups or the audit trail; not the fingerprints a
    /// closing kept, which a release reads only when the wave changed since (or has no digest), and then checks
    /// first (``SQLiteStore/checkBeforeReading(_:_:)``).
    package static let release = Self.tables([
        "grdb_migrations", "student", "attempt", "import", "wave", "wave_pattern",
    ])

    /// Whether the check evaluates the tables' `CHECK` constraints on every row. A release's does not: its scans
    /// refuse any status, state or level they do not know (``StoredValue``) and read no other checked column, and
    /// the constraints were half of its check's time. (A connection that may not write skips them anyway.)
    var checksConstraints: Bool { self == .wholeFile }

    /// Whether the check covers `table`.
    func covers(_ table: String) -> Bool {
        switch self {
        case .wholeFile: true
        case .tables(let names): names.contains(table)
        }
    }

    /// The `PRAGMA` statements of the check, each answering `ok` or the problems it found.
    var statements: [String] {
        switch self {
        case .wholeFile: ["PRAGMA quick_check"]
        case .tables(let names): names.map { "PRAGMA quick_check(\"\($0)\")" }
        }
    }
}
