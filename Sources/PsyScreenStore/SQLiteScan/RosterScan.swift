import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

/// One roster student, in listing order, with where they stand in a wave.
struct RosterEntry {
    /// The student's row, to read it again later (``RosterScan/student(_:rowID:)``).
    var rowID: Int64
    var student: Student
    /// Every attempt of the student in the wave, folded by the one counting rule.
    var counting: CountingAttempt
    /// The latest attempt with its results and answers (``RosterScan/init(details:)``), when it has one.
    var latest: ScreeningAttempt?
}

/// Streams the roster in listing order (school, grade, class, student ID) with every student's attempts in a
/// wave folded into their ``CountingAttempt``: one statement (the roster in order from the `student_roster_order`
/// index alone, which holds every column read; the attempts from `attempt_wave_student` alone; they come in any
/// order, which the counting rule allows — ordering them too would cost SQLite a sort per student), read through
/// SQLite's C interface, memory flat in the number of students.
struct RosterScan {
    /// The student columns, in the order ``student(_:)`` reads them.
    static let studentColumns =
        "s.rowid, s.student_id, s.name, s.school, s.grade, s.class, s.gender, s.status, s.campus, s.major, s.birth_date, s.dorm"

    private var units = (0..<12).map { _ in InternedText() }
    /// Reads the latest attempt's own columns in the same statement (``RosterEntry/latest``).
    private var details: AttemptReader?

    /// `details`: also read each student's latest attempt with its results and answers, in the same statement
    /// (instead of two more queries per student).
    init(details: AttemptReader? = nil) { self.details = details }
    private let statuses = StoredValues(EnrollmentStatus.allCases, column: "student.status")
    private let states = StoredValues([AttemptState.inProgress, .finished, .refused], column: "attempt.state")
    private let levels = StoredValues(WarningLevel.allCases, column: "attempt.level")

    /// Calls `body` with every student of `units`, in listing order.
    ///
    /// With `standings` (of `wave`, ``WaveStandings``) the statement reads the roster alone and each student's
    /// verdict comes from them; ``RosterEntry/latest`` is then nil. Without, each student's attempts are searched
    /// in the wave's index (cheap for a class or a school; see ``WaveStandings`` for a district).
    mutating func forEach(
        _ db: Database, wave: String, units filter: RosterUnits = RosterUnits(), standings: WaveStandings? = nil,
        _ body: (RosterEntry) throws -> Void
    ) throws {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = standings == nil ? [wave] : []
        for (column, value) in [("school", filter.school), ("grade", filter.grade), ("class", filter.className)] {
            guard let value else { continue }
            conditions.append("s.\(column) = ?")
            arguments.append(value)
        }
        if filter.enrolledOnly { conditions.append("s.status = 'enrolled'") }
        if let standings {
            let statement = try db.makeStatement(sql: Self.rosterSQL(conditions: conditions))
            try statement.setArguments(StatementArguments(arguments))
            try SQLiteColumn.forEachRow(statement) { row in
                let rowID = sqlite3_column_int64(row, 0)
                try body(RosterEntry(rowID: rowID, student: try student(row), counting: standings.counting(rowID: rowID)))
            }
            return
        }
        let statement = try db.makeStatement(sql: Self.sql(details: details != nil, conditions: conditions))
        try statement.setArguments(StatementArguments(arguments))
        var current: RosterEntry?
        func finish() throws {
            guard let done = current else { return }
            try body(done)
        }
        try SQLiteColumn.forEachRow(statement) { row in
            let rowID = sqlite3_column_int64(row, 0)
            if current?.rowID != rowID {
                try finish()
                current = RosterEntry(rowID: rowID, student: try student(row), counting: CountingAttempt())
            }
            guard !SQLiteColumn.isNull(row, 12) else { return }
            let id = sqlite3_column_int64(row, 12)
            current?.counting.add(
                id: id, state: try states.decode(row, 13), scored: sqlite3_column_int64(row, 14) != 0,
                level: try levels.decode(row, 15))
            guard details != nil else { return }
            if id > current?.latest?.id ?? 0 {
                current?.latest = try details?.head(row, at: 16)
            }
        }
        try finish()
    }

    /// The statement of ``forEach(_:wave:units:_:)``: the wave is `?`, then the values of `conditions`. Portable
    /// SQL; the attempts of imports still being staged are left out (``SQLiteStore/visible(_:)``).
    static func sql(details: Bool, conditions: [String] = []) -> String {
        """
        SELECT \(studentColumns), a.id, a.state, a.scored, a.level\(details ? ", " + AttemptReader.headColumns : "")
        FROM student s
        LEFT JOIN attempt a ON a.wave_id = ? AND a.student_id = s.student_id AND \(SQLiteStore.visible("a"))
        \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
        ORDER BY s.school, s.grade, s.class, s.student_id
        """
    }

    /// The roster alone, in listing order, from `student_roster_order` (the values of `conditions` as arguments).
    static func rosterSQL(conditions: [String] = []) -> String {
        """
        SELECT \(studentColumns) FROM student s
        \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
        ORDER BY s.school, s.grade, s.class, s.student_id
        """
    }

    /// The student whose row is `rowID`.
    mutating func student(_ db: Database, rowID: Int64) throws -> Student? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.studentColumns) FROM student s WHERE s.rowid = ?")
        try statement.setArguments([rowID])
        var found: Student?
        try SQLiteColumn.forEachRow(statement) { row in found = try student(row) }
        return found
    }

    /// The student of the current row (columns as ``studentColumns``). Unit names repeat from row to row and are
    /// kept; IDs and names are new every row.
    private mutating func student(_ row: OpaquePointer) throws -> Student {
        func optional(_ index: Int32) -> String? { SQLiteColumn.isNull(row, index) ? nil : units[Int(index)].read(row, index) }
        return Student(
            studentID: SQLiteColumn.text(row, 1), name: SQLiteColumn.text(row, 2), school: units[3].read(row, 3),
            grade: units[4].read(row, 4), className: units[5].read(row, 5), gender: units[6].read(row, 6),
            status: try statuses.decode(row, 7), campus: optional(8), major: optional(9),
            birthDate: SQLiteColumn.optionalText(row, 10), dorm: optional(11))
    }
}
