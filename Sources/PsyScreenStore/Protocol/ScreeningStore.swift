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
    /// Scores and stores paper forms as attempts of `wave`, all or nothing; the same file (by content hash)
    /// imported again into the same wave changes nothing; students not on the roster are reported, not stored.
    func importPaper(wave: String, battery: Battery, path: String, fileHash: String, sheets: [PaperSheet]) throws(StoreError) -> PaperImportSummary
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
    /// The early-warning register of `wave` at `levels`, red first.
    func register(wave: String, levels: Set<WarningLevel>) throws(StoreError) -> [RegisterEntry]
    /// A student's attempts and follow-ups across waves; nil when not on the roster.
    func history(studentID: String) throws(StoreError) -> StudentHistory?
    /// Adds a follow-up step (never overwrites one).
    func recordFollowUp(studentID: String, wave: String, status: FollowUpStatus, note: String?) throws(StoreError) -> FollowUpStep
    /// The audit trail, oldest first.
    func auditTrail() throws(StoreError) -> [AuditEntry]
    /// Records that an identified file was written.
    func recordExport(_ what: String, path: String, rows: Int) throws(StoreError)
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
}

/// A school's or district's screening data, in a SQLite file (``SQLiteStore``) or a PostgreSQL database: what
/// every command works through. Errors are ``StoreError``s naming the database.
package protocol ScreeningStore: RosterStore, PaperStore, TerminalStore, RegisterStore, ReportStore, TableSource, TableTarget {
    /// The database, for messages: the file path, or the URL without its password.
    var path: String { get }
    /// The OS user recorded in the audit trail.
    var user: String { get }
    /// Damage the database found in itself (`[]` when sound).
    func integrityProblems() throws(StoreError) -> [String]
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
}
