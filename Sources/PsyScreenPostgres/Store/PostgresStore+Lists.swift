import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

/// The identified lists (counselors: row-level security keeps them to their schools), waves and coverage.
extension PostgresStore {
    /// Every student's ``CountingAttempt`` in `wave` (students with an attempt only), keyed by student id.
    func countingAttempts(wave: String) throws -> [String: CountingAttempt] {
        var counting: [String: CountingAttempt] = [:]
        try link.forEachRow("SELECT student_id, id, state, scored, level FROM attempt WHERE wave_id = \(wave)") { row in
            let (student, id, state, scored, level) = try row.decode((String, Int64, String, Bool, String).self)
            counting[student, default: CountingAttempt()].add(
                id: id, state: try StoredValue.decode(state, "attempt.state"), scored: scored,
                level: try StoredValue.decode(level, "attempt.level"))
        }
        return counting
    }

    /// Every student on the roster with the attempt that counts in `wave` (students sorted by school, grade,
    /// class, id).
    package func screenings(wave: String) throws(StoreError) -> [StudentScreening] {
        try transaction(snapshot: true) {
            let counting = try countingAttempts(wave: wave)
            let attempts = try loadAttempts(ids: counting.values.compactMap(\.attemptID))
            return try allStudents().map { student in
                let verdict = counting[student.studentID] ?? CountingAttempt()
                return StudentScreening(student: student, attempt: verdict.attemptID.flatMap { attempts[$0] }, counting: verdict)
            }
        }
    }

    /// The students of `units` that `include` accepts, in listing order, with where they stand in `wave`, from one
    /// snapshot: a cursor over the roster with each student's latest and latest red attempt of the wave (what
    /// ``CountingAttempt`` needs), fetched 500 students at a time with the attempts that count: memory stays flat
    /// whatever the number of students.
    package func forEachScreening(
        wave: String, units: RosterUnits, withAttempts: Bool, where include: (Student, CountingAttempt) -> Bool,
        _ body: (StudentScreening) throws -> Void
    ) throws(StoreError) {
        try transaction(snapshot: true) {
            try link.query(
                """
                DECLARE psyscreen_listing NO SCROLL CURSOR FOR
                SELECT s.student_id, s.name, s.school, s.grade, s.class, s.gender, s.status, s.campus, s.major, s.birth_date,
                       s.dorm, a.id, a.state, a.scored, a.level, c.red
                FROM student s
                LEFT JOIN (SELECT student_id, max(id) AS id, max(id) FILTER (WHERE level = 'red') AS red
                           FROM attempt WHERE wave_id = \(wave) GROUP BY student_id) c ON c.student_id = s.student_id
                LEFT JOIN attempt a ON a.id = c.id
                WHERE (\(units.school)::text IS NULL OR s.school = \(units.school))
                  AND (\(units.grade)::text IS NULL OR s.grade = \(units.grade))
                  AND (\(units.className)::text IS NULL OR s.class = \(units.className))
                  AND (NOT \(units.enrolledOnly) OR s.status = 'enrolled')
                ORDER BY s.school, s.grade, s.class, s.student_id
                """)
            while true {
                var chosen: [(Student, CountingAttempt)] = []
                var fetched = 0
                for row in try link.query("FETCH 500 FROM psyscreen_listing") {
                    fetched += 1
                    let student = try Self.student(row)
                    let cells = row.makeRandomAccess()
                    let verdict = try Self.counting(
                        try cells[11].decode(Int64?.self), try cells[12].decode(String?.self), try cells[13].decode(Bool?.self),
                        try cells[14].decode(String?.self), try cells[15].decode(Int64?.self))
                    if include(student, verdict) { chosen.append((student, verdict)) }
                }
                let attempts = withAttempts ? try loadAttempts(ids: chosen.compactMap(\.1.attemptID)) : [:]
                for (student, verdict) in chosen {
                    try body(
                        StudentScreening(student: student, attempt: verdict.attemptID.flatMap { attempts[$0] }, counting: verdict)
                    )
                }
                if fetched < 500 { break }
            }
        }
    }

    /// The register's entries one at a time (``register(wave:levels:)``).
    package func forEachRegisterEntry(
        wave: String, levels: Set<WarningLevel>, _ body: (RegisterEntry) throws -> Void
    ) throws(StoreError) {
        for entry in try register(wave: wave, levels: levels) {
            do {
                try body(entry)
            } catch {
                throw storeError(error)
            }
        }
    }

    /// The battery of the attempt that counts for the first student in listing order who has one in `wave`.
    package func firstBattery(wave: String) throws(StoreError) -> String? {
        do {
            return try run(
                """
                SELECT a.battery_id FROM attempt a
                WHERE a.wave_id = \(wave) AND a.student_id = (
                    SELECT s.student_id FROM student s
                    WHERE EXISTS (SELECT 1 FROM attempt x WHERE x.wave_id = \(wave) AND x.student_id = s.student_id)
                    ORDER BY s.school, s.grade, s.class, s.student_id LIMIT 1)
                ORDER BY a.id DESC LIMIT 1
                """
            ).first?.decode(String.self)
        } catch {
            throw storeError(error)
        }
    }

    /// The early-warning register of `wave` (see the SQLite store's: the same rule, ``CountingAttempt``).
    package func register(
        wave: String, levels: Set<WarningLevel> = [.red, .orange, .yellow]
    ) throws(StoreError) -> [RegisterEntry] {
        try transaction(snapshot: true) {
            let counting = try countingAttempts(wave: wave).filter { levels.contains($0.value.level) }
            let attempts = try loadAttempts(ids: counting.values.compactMap(\.explainingAttemptID))
            let followUps = try latestFollowUps(wave: wave)
            var entries: [RegisterEntry] = []
            for student in try allStudents() {
                guard let verdict = counting[student.studentID], let id = verdict.explainingAttemptID, let attempt = attempts[id]
                else { continue }
                entries.append(
                    RegisterEntry(
                        student: student, level: verdict.level, reasons: attempt.assessment.reasons, attempt: attempt,
                        followUp: followUps[student.studentID]))
            }
            return entries.sorted { $0.level > $1.level }
        }
    }

    /// Records a follow-up step; earlier steps are kept.
    package func recordFollowUp(
        studentID: String, wave: String, status: FollowUpStatus, note: String?
    ) throws(StoreError) -> FollowUpStep {
        try transaction {
            let id = StudentID.normalize(studentID)
            guard try !link.query("SELECT 1 FROM student WHERE student_id = \(id)").isEmpty else {
                throw failure(.noStudent(studentID))
            }
            guard try !link.query("SELECT 1 FROM attempt WHERE wave_id = \(wave) AND student_id = \(id) LIMIT 1").isEmpty else {
                throw failure(.noScreeningInWave(student: id, wave: wave))
            }
            guard status != .new else {
                throw failure(.followUpNew)
            }
            let at = Self.stored(clock())
            // The server may record the login instead of the OS user (a counselor's role): what it stored is shown.
            let recordedBy = try link.query(
                """
                INSERT INTO follow_up (wave_id, student_id, status, note, at, "user") VALUES (\(wave), \(id), \(status.rawValue), \(note), \(at), \(user))
                RETURNING "user"
                """)[0].decode(String.self)
            try audit(.followUp(student: id, wave: wave, status: status))
            return FollowUpStep(wave: wave, studentID: id, status: status, note: note, at: at, recordedBy: recordedBy)
        }
    }

    func latestFollowUps(wave: String) throws -> [String: FollowUpStep] {
        var steps: [String: FollowUpStep] = [:]
        try link.forEachRow(
            """
            SELECT wave_id, student_id, status, note, at, "user" FROM follow_up
            WHERE id IN (SELECT max(id) FROM follow_up WHERE wave_id = \(wave) GROUP BY student_id)
            """
        ) { row in
            let step = try Self.followUp(row)
            steps[step.studentID] = step
        }
        return steps
    }

    static func followUp(_ row: PostgresRow) throws -> FollowUpStep {
        let (wave, student, status, note, at, user) = try row.decode((String, String, String, String?, Date, String).self)
        return FollowUpStep(
            wave: wave, studentID: student, status: try StoredValue.decode(status, "follow_up.status"), note: note, at: at,
            recordedBy: user)
    }

    package func history(studentID: String) throws(StoreError) -> StudentHistory? {
        try transaction(snapshot: true) {
            let id = StudentID.normalize(studentID)
            guard let student = try allStudents(where: "student_id = \(id)").first else { return nil }
            var ids: [Int64] = []
            // Through the waves: the one secondary index on attempts starts with the wave (`pg-attempt-indexes-1`).
            try link.forEachRow(
                "SELECT id FROM attempt WHERE wave_id = ANY (ARRAY(SELECT id FROM wave)) AND student_id = \(id) ORDER BY id"
            ) {
                ids.append(try $0.decode(Int64.self))
            }
            let attempts = try loadAttempts(ids: ids)
            var followUps: [FollowUpStep] = []
            try link.forEachRow(
                """
                SELECT wave_id, student_id, status, note, at, "user" FROM follow_up WHERE student_id = \(id) ORDER BY id
                """
            ) { followUps.append(try Self.followUp($0)) }
            return StudentHistory(student: student, attempts: ids.compactMap { attempts[$0] }, followUps: followUps)
        }
    }

    /// The audit trail, oldest first (a counselor's login sees its own lines).
    package func auditTrail() throws(StoreError) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        try forEachRow("SELECT at, \"user\", action, detail FROM audit ORDER BY id") { row in
            let (at, user, action, detail) = try row.decode((Date, String, String, String).self)
            entries.append(AuditEntry(at: at, user: user, action: action, storedDetail: detail))
        }
        return entries
    }

    /// Records that an identified file was written (who wrote which students' data where).
    package func recordExport(_ what: IdentifiedExport, path: String, rows: Int) throws(StoreError) {
        try transaction { try audit(.export(what, path: path, rows: rows)) }
    }

    /// Whether any attempt was ever stored in `wave` (to tell a typo in the wave name from an empty wave).
    package func waveExists(_ wave: String) throws(StoreError) -> Bool {
        try !run("SELECT 1 FROM wave WHERE id = \(wave)").isEmpty
    }

    /// Known wave names, newest first.
    package func waves() throws(StoreError) -> [String] {
        var names: [String] = []
        try forEachRow("SELECT id FROM wave ORDER BY created_at DESC, id") { names.append(try $0.decode(String.self)) }
        return names
    }

    /// Coverage of `wave` per unit at `level`, then a total row: through `psyscreen_roster_states`, which an
    /// administrator's login may call (every school) and a counselor's (its schools).
    package func coverage(wave: String, by level: CoverageTable.Level) throws(StoreError) -> [CoverageRow] {
        var states: [(Student, ScreeningState)] = []
        try forEachRow("SELECT * FROM psyscreen_roster_states(\(wave))") { row in
            let (school, grade, className, status, attempt, state, scored, stateLevel, red) = try row.decode(
                (String, String, String, String, Int64?, String?, Bool?, String?, Int64?).self)
            let student = Student(
                studentID: "", name: "", school: school, grade: grade, className: className, gender: "",
                status: try StoredValue.decode(status, "student.status"))
            states.append((student, try Self.counting(attempt, state, scored, stateLevel, red).state))
        }
        return CoverageTable.compute(states, by: level)
    }

    /// A ``CountingAttempt`` from the two attempts the server picked for it: the latest, and the latest red one.
    static func counting(
        _ id: Int64?, _ state: String?, _ scored: Bool?, _ level: String?, _ red: Int64?
    ) throws -> CountingAttempt {
        var counting = CountingAttempt()
        if let id, let state, let level {
            counting.add(
                id: id, state: try StoredValue.decode(state, "attempt.state"), scored: scored ?? false,
                level: try StoredValue.decode(level, "attempt.level"))
        }
        if let red { counting.add(id: red, state: .finished, scored: true, level: .red) }
        return counting
    }
}
