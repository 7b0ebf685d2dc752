import Foundation
import PsyScreen

/// The roster: the students coverage counts.
package protocol RosterStore: AnyObject {
    /// Adds or updates every student in one transaction. A student who changed class moves; nobody is duplicated.
    func importRoster(_ students: [Student], source: String) throws(StoreError) -> RosterImportSummary
    /// One student by (normalized) id.
    func student(_ id: String) throws(StoreError) -> Student?
    /// The whole roster, sorted by school, grade, class, id.
    func students() throws(StoreError) -> [Student]
    /// Enrolled students in roster order, of one school, grade or class when given.
    func enrolledStudents(school: String?, grade: String?, className: String?) throws(StoreError) -> [Student]
}

/// Paper results keyed in and imported in bulk.
package protocol PaperStore: AnyObject {
    /// Starts a paper import of `path` into `wave`: the same file (by content hash) already imported into the wave
    /// gives ``PaperImportStart/alreadyImported(at:)``; otherwise its sheets are staged, invisible to every read
    /// until published, all or nothing (an import that dies midway leaves nothing anyone sees).
    func beginPaperImport(wave: String, battery: Battery, path: String, fileHash: String) throws(StoreError) -> PaperImportStart
}

/// A lab terminal (`take`): all it may read and write.
package protocol TerminalStore: AnyObject {
    /// The student by ID with their latest attempt in `wave` and, for a sitting left unfinished, the items
    /// answered so far; nil when the ID is not on the roster.
    func lookUp(wave: String, studentID: String, battery: Battery) throws(StoreError) -> StudentLookup?
    /// Starts an attempt once the student answered the consent question (a refusal is stored as such).
    func startTerminalAttempt(wave: String, studentID: String, battery: Battery, consented: Bool) throws(StoreError) -> Int64
    /// Stores one answer (`nil` = skipped) with the attempt's new results: committed before the next item.
    @discardableResult
    func saveAnswer(
        attemptID: Int64, battery: Battery, instrumentID: String, itemID: String, value: Int?, seconds: Double?
    ) throws(StoreError) -> BatteryScorer.Outcome
    /// Marks the attempt finished with its final results (the battery's time rule included).
    @discardableResult
    func finishAttempt(attemptID: Int64, battery: Battery) throws(StoreError) -> BatteryScorer.Outcome
}

/// The identified side: counselors' lists, follow-ups, the audit trail.
package protocol RegisterStore: AnyObject {
    /// Every roster student with the attempt that counts in `wave` (``CountingAttempt``).
    func screenings(wave: String) throws(StoreError) -> [StudentScreening]
    /// Every student of `units` that `include` accepts, in listing order (school, grade, class, id), with where
    /// they stand in `wave` and (`withAttempts`) the attempt that counts, one at a time from one snapshot.
    func forEachScreening(
        wave: String, units: RosterUnits, withAttempts: Bool, where include: (Student, CountingAttempt) -> Bool,
        _ body: (StudentScreening) throws -> Void
    ) throws(StoreError)
    /// The early-warning register of `wave` at `levels`, red first.
    func register(wave: String, levels: Set<WarningLevel>) throws(StoreError) -> [RegisterEntry]
    /// The entries of ``register(wave:levels:)`` one at a time, from one snapshot.
    func forEachRegisterEntry(wave: String, levels: Set<WarningLevel>, _ body: (RegisterEntry) throws -> Void) throws(StoreError)
    /// The battery of the attempt that counts for the first student in listing order who has one in `wave`.
    func firstBattery(wave: String) throws(StoreError) -> String?
    /// A student's attempts and follow-ups across waves; nil when not on the roster.
    func history(studentID: String) throws(StoreError) -> StudentHistory?
    /// Adds a follow-up step (never overwrites one).
    func recordFollowUp(studentID: String, wave: String, status: FollowUpStatus, note: String?) throws(StoreError) -> FollowUpStep
    /// The audit trail, oldest first.
    func auditTrail() throws(StoreError) -> [AuditEntry]
    /// Records that an identified file was written.
    func recordExport(_ what: IdentifiedExport, path: String, rows: Int) throws(StoreError)
}

/// The anonymized side: coverage and what cohort reports are counted from.
package protocol ReportStore: AnyObject {
    /// Whether any attempt was ever stored in `wave`.
    func waveExists(_ wave: String) throws(StoreError) -> Bool
    /// Known wave names, newest first.
    func waves() throws(StoreError) -> [String]
    /// The batteries (id, version) of the wave's attempts, most used first.
    func batteries(inWave wave: String) throws(StoreError) -> [(id: String, version: String)]
    /// Coverage of `wave` per unit at `level`, then a total row.
    func coverage(wave: String, by level: CoverageTable.Level) throws(StoreError) -> [CoverageRow]
    /// Every roster student of `wave` counted into the cohort tables of a report over `columns`.
    func cohortTables(wave: String, columns: [CohortColumn]) throws(StoreError) -> CohortTables
    /// The cohort tables with the wave's release state (``ReleaseStore/releaseState(wave:)``): a store may check
    /// the release from the same reads. Without `leaves`, the tables may lack the leaves' counts (what deciding
    /// or auditing a pattern needs, and a report under a stored pattern does not).
    func cohortTablesAndRelease(
        wave: String, columns: [CohortColumn], leaves: Bool
    ) throws(StoreError) -> (tables: CohortTables, release: WaveReleaseState)
}

/// A school's or district's screening data, in a SQLite file (``SQLiteStore``) or a PostgreSQL database: what
/// every command works through. Errors are ``StoreError``s naming the database.
package protocol ScreeningStore: RosterStore, PaperStore, TerminalStore, RegisterStore, ReportStore, ReleaseStore, TableSource,
    TableTarget
{
    /// The database, for messages: the file path, or the URL without its password.
    var path: String { get }
    /// The OS user recorded in the audit trail.
    var user: String { get }
    /// Damage the database found in itself (`[]` when sound).
    func integrityProblems() throws(StoreError) -> [LocalizedText]
}

extension RosterStore {
    package func enrolledStudents() throws(StoreError) -> [Student] {
        try enrolledStudents(school: nil, grade: nil, className: nil)
    }
}

extension RegisterStore {
    /// Every level of the register.
    package func register(wave: String) throws(StoreError) -> [RegisterEntry] {
        try register(wave: wave, levels: [.red, .orange, .yellow])
    }

    /// Every level of the register, one entry at a time.
    package func forEachRegisterEntry(wave: String, _ body: (RegisterEntry) throws -> Void) throws(StoreError) {
        try forEachRegisterEntry(wave: wave, levels: [.red, .orange, .yellow], body)
    }

    /// ``forEachScreening(wave:units:withAttempts:where:_:)`` with its defaults: every student, with attempts.
    package func forEachScreening(
        wave: String, units: RosterUnits = RosterUnits(), withAttempts: Bool = true,
        where include: (Student, CountingAttempt) -> Bool = { _, _ in true }, _ body: (StudentScreening) throws -> Void
    ) throws(StoreError) {
        try forEachScreening(wave: wave, units: units, withAttempts: withAttempts, where: include, body)
    }
}

extension PaperStore {
    /// Scores and stores paper forms as attempts of `wave`, all or nothing (``beginPaperImport(wave:battery:path:fileHash:)``
    /// then every sheet, then publish). The same file imported again into the same wave changes nothing. A student
    /// with an earlier attempt gets another one; the latest counts.
    package func importPaper(
        wave: String, battery: Battery, path: String, fileHash: String, sheets: [PaperSheet]
    ) throws(StoreError) -> PaperImportSummary {
        switch try beginPaperImport(wave: wave, battery: battery, path: path, fileHash: fileHash) {
        case .alreadyImported(let date):
            return PaperImportSummary(alreadyImportedAt: date, stored: 0, strangers: [], levels: [:])
        case .staging(let staging):
            for sheet in sheets {
                try staging.add(
                    studentID: sheet.studentID, line: sheet.line,
                    answers: battery.instruments.map { sheet.answers[$0.id] ?? Array(repeating: nil, count: $0.items.count) })
            }
            return try staging.publish()
        }
    }
}
