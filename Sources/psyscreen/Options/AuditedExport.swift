import PsyScreen
import PsyScreenStore

/// The audit-trail line of an identified file (who wrote which students' data where).
enum AuditedExport {
    /// Records the export (`-` is recorded as standard output). On a database this user may only read, the
    /// export goes ahead with a warning: the listing commands work on a file they may only read.
    static func record(_ store: any ScreeningStore, _ what: IdentifiedExport, path: String, rows: Int, language: Language) throws
    {
        do {
            try store.recordExport(what, path: path, rows: rows)
        } catch {
            guard error.isReadOnly else { throw error }
            printWarning(CommandMessage.exportNotAudited(database: store.path), in: language)
        }
    }
}
