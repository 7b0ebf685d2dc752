import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

extension SQLiteStore {
    /// The batteries (id, version) whose attempts are stored in `wave`, most used first.
    package func batteries(inWave wave: String) throws(StoreError) -> [(id: String, version: String)] {
        try read { db in
            // With no import being staged every attempt is visible: the count then reads the (wave, battery)
            // index alone, instead of looking up each attempt's import in the table (a million lookups).
            let staging = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM import WHERE state = 'staging')") ?? true
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT battery_id, battery_version, COUNT(*) AS uses FROM attempt a
                    WHERE wave_id = ?\(staging ? " AND \(Self.visible("a"))" : "")
                    GROUP BY battery_id, battery_version ORDER BY uses DESC, battery_id, battery_version
                    """, arguments: [wave]
            ).map { (id: $0["battery_id"], version: $0["battery_version"]) }
        }
    }

    /// Counts every roster student of `wave` into the cohort tables of a report over `columns`.
    ///
    /// Streaming scans — roster, the wave's attempts, their instrument results (scores and answers) — read with
    /// SQLite's C interface, with no per-attempt values built: a million stored results take about a second.
    /// The attempt that counts and its level are ``CountingAttempt``'s, as in the register.
    package func cohortTables(wave: String, columns: [CohortColumn]) throws(StoreError) -> CohortTables {
        try cohortTables(wave: wave, columns: columns, checkingRelease: false, leaves: true).tables
    }

    /// The cohort tables (with the leaves' counts when `leaves`) and, when `checkingRelease`, the digests of the
    /// wave's release fingerprints now (from the same roster and attempt rows) and at its last closing.
    func cohortTables(
        wave: String, columns: [CohortColumn], checkingRelease: Bool, leaves: Bool
    ) throws(StoreError) -> (tables: CohortTables, release: (now: ReleaseDigest, then: ReleaseDigest)?) {
        var extraction = CohortExtraction(columns: columns, checksRelease: checkingRelease)
        let range: (first: Int64, last: Int64)? = try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT MIN(id), MAX(id) FROM attempt a WHERE wave_id = ? AND \(Self.visible("a"))", arguments: [wave])
            guard let first: Int64 = row?[0], let last: Int64 = row?[1] else { return nil }
            return (first, last)
        }
        // Instrument results (scores, and the answers alpha needs) in two halves, each on its own connection and
        // thread: with the roster scan on this one that makes three, which keeps both cores busy whichever
        // finishes first.
        let needed = columns.contains { !$0.itemPositions.isEmpty }
        let halves: [(first: Int64, last: Int64)] =
            range.map { range in
                let middle = range.first + (range.last - range.first) / 2
                return [(range.first, middle), (middle + 1, range.last)].filter { $0.0 <= $0.1 }
            } ?? []
        let results = halves.map {
            ResultScan(
                path: queue.path, range: $0, columns: columns, instruments: extraction.instruments,
                widths: extraction.itemWidths, readsAnswers: needed)
        }
        let stored = checkingRelease ? StoredDigestScan(path: queue.path, wave: wave) : nil
        let group = DispatchGroup()
        var jobs: [@Sendable () -> Void] = results.map { scan in { scan.run() } }
        if let stored { jobs.append { stored.run() } }
        for run in jobs {
            group.enter()
            DispatchQueue.global(qos: .userInitiated).async {
                run()
                group.leave()
            }
        }
        let scanned: Result<Void, StoreError> = Result { () throws(StoreError) in
            try read { db in
                try extraction.readRoster(db)
                try extraction.readAttempts(db, wave: wave)
            }
        }
        group.wait()
        try scanned.get()
        if let failure = results.compactMap(\.failure).first ?? stored?.failure {
            throw StoreError(path: path, failure)
        }
        let tables = extraction.aggregate(results, leaves: leaves)
        guard let now = extraction.release?.digest(), let then = stored?.digest else { return (tables, nil) }
        return (tables, (now, then))
    }
}

/// The numbers (``InternedText/id``) of a roster row's school, grade, class, gender and major.
private struct LeafNames: Hashable {
    var school, grade, className, gender, major: Int32

    init(_ school: Int, _ grade: Int, _ className: Int, _ gender: Int, _ major: Int) {
        (self.school, self.grade, self.className, self.gender, self.major) =
            (Int32(school), Int32(grade), Int32(className), Int32(gender), Int32(major))
    }
}

/// The scans behind ``SQLiteStore/cohortTables(wave:columns:)``; per-student state lives in flat arrays
/// indexed by the student's position in the roster scan.
struct CohortExtraction {
    let columns: [CohortColumn]
    /// Instruments of the columns, in first-seen order, with the offset of their items in an attempt's answer
    /// slots (``itemOffset``).
    let instruments: [[UInt8]]
    let itemOffset: [Int]
    let itemsPerStudent: Int
    let columnInstrument: [Int]
    /// Item slots per instrument.
    let itemWidths: [Int]

    /// Per student, in roster-scan order; the unit names live in the aggregator's leaves only.
    var status: [EnrollmentStatus] = []
    /// The aggregator the students are counted into, and each student's finest unit in it.
    var aggregator: CohortAggregator
    var leafOfStudent: [Int32] = []
    var studentIndex = StudentIndex(capacity: 0)

    /// Per student: the attempt that counts and the level.
    var counting: [CountingAttempt] = []
    /// Whether the wave's release is checked: its fingerprints' digest is gathered from the same rows.
    let checksRelease: Bool
    var release: ReleaseFingerprints?

    init(columns: [CohortColumn], checksRelease: Bool = false) {
        self.columns = columns
        self.checksRelease = checksRelease
        aggregator = CohortAggregator(columns: columns)
        var instruments: [[UInt8]] = []
        var offsets: [Int] = []
        var columnInstrument: [Int] = []
        var next = 0
        for column in columns {
            let bytes = Array(column.instrumentID.utf8)
            if let known = instruments.firstIndex(of: bytes) {
                columnInstrument.append(known)
            } else {
                instruments.append(bytes)
                offsets.append(next)
                columnInstrument.append(instruments.count - 1)
            }
        }
        // Item slots per instrument: enough for the highest position any column uses.
        var width = Array(repeating: 0, count: instruments.count)
        for (index, column) in columns.enumerated() {
            width[columnInstrument[index]] = max(width[columnInstrument[index]], (column.itemPositions.max() ?? -1) + 1)
        }
        next = 0
        for index in offsets.indices {
            offsets[index] = next
            next += width[index]
        }
        self.instruments = instruments
        self.itemOffset = offsets
        self.itemsPerStudent = next
        self.itemWidths = width
        self.columnInstrument = columnInstrument
    }

    mutating func readRoster(_ db: Database) throws {
        let statement = try db.makeStatement(sql: "SELECT \(ReleaseFingerprints.rosterColumns) FROM student")
        var texts = (0..<7).map { _ in InternedText() }
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM student") ?? 0
        studentIndex = StudentIndex(capacity: count)
        status.reserveCapacity(count)
        leafOfStudent.reserveCapacity(count)
        if checksRelease { release = ReleaseFingerprints(keepsBytes: false, capacity: count) }
        // Leaves by the numbers of their five unit names: integers to hash, not strings.
        var leafOfNames: [LeafNames: Int32] = [:]
        var statusOfText: [EnrollmentStatus?] = []
        var leaf: Int32 = -1
        try Self.forEachRow(statement) { row in
            studentIndex.insert(sqlite3_column_text(row, 0), count: Int(sqlite3_column_bytes(row, 0)))
            release?.addStudent(row)
            var changed = false
            let values = (
                texts[1].read(row, 1, changed: &changed), texts[2].read(row, 2, changed: &changed),
                texts[3].read(row, 3, changed: &changed), texts[4].read(row, 4, changed: &changed),
                texts[5].read(row, 5, changed: &changed)
            )
            let statusText = texts[6].read(row, 6)
            while statusOfText.count <= texts[6].id { statusOfText.append(nil) }
            if statusOfText[texts[6].id] == nil {
                statusOfText[texts[6].id] = try StoredValue.decode(statusText, "student.status")
            }
            status.append(statusOfText[texts[6].id]!)
            // Rows repeat the previous student's units most of the time: look the leaf up only on a change.
            if changed || leaf < 0 {
                let names = LeafNames(texts[1].id, texts[2].id, texts[3].id, texts[4].id, texts[5].id)
                if let known = leafOfNames[names] {
                    leaf = known
                } else {
                    leaf = Int32(
                        aggregator.leaf(school: values.0, grade: values.1, className: values.2, gender: values.3, major: values.4)
                    )
                    leafOfNames[names] = leaf
                }
            }
            leafOfStudent.append(leaf)
        }
        counting = Array(repeating: CountingAttempt(), count: status.count)
    }

    /// The wave's visible attempts: student, id, state (a number), scored, level (a number), state, level. Levels
    /// and states as numbers, decoded by SQLite rather than a string switch per row; −1 is a value this version
    /// does not know, which fails the read (see StoredValue). The texts are the release fingerprint's.
    static let attemptsSQL = """
        SELECT student_id, id, CASE state WHEN 'in_progress' THEN 0 WHEN 'finished' THEN 1 WHEN 'refused' THEN 2 ELSE -1 END,
               scored, CASE level WHEN 'none' THEN 0 WHEN 'yellow' THEN 1 WHEN 'orange' THEN 2 WHEN 'red' THEN 3 ELSE -1 END,
               state, level
        FROM attempt a WHERE wave_id = ? AND \(SQLiteStore.visible("a"))
        """

    mutating func readAttempts(_ db: Database, wave: String) throws {
        let statement = try db.makeStatement(sql: Self.attemptsSQL)
        try statement.setArguments([wave])
        let states: [AttemptState] = [.inProgress, .finished, .refused]
        let levels: [WarningLevel] = [.none, .yellow, .orange, .red]
        try Self.forEachRow(statement) { row in
            guard let text = sqlite3_column_text(row, 0),
                let student = studentIndex.find(text, count: Int(sqlite3_column_bytes(row, 0)))
            else { return }
            let state = Int(sqlite3_column_int64(row, 2)), level = Int(sqlite3_column_int64(row, 4))
            guard state >= 0 else {
                throw StoredValue(column: "attempt.state", text: String(cString: sqlite3_column_text(row, 5)))
            }
            guard level >= 0 else {
                throw StoredValue(column: "attempt.level", text: String(cString: sqlite3_column_text(row, 6)))
            }
            counting[student].add(
                id: sqlite3_column_int64(row, 1), state: states[state], scored: sqlite3_column_int64(row, 3) != 0,
                level: levels[level])
            release?.addAttempt(row, student: student)
        }
    }

    /// The cohort tables (with the leaves' counts when `leaves`).
    func aggregate(_ results: [ResultScan], leaves: Bool) -> CohortTables {
        var aggregator = self.aggregator
        var entry = CohortEntry(columns: columns)
        let positions = columns.map(\.itemPositions), reversals = columns.map(\.reversal)
        let offsets = columns.indices.map { itemOffset[columnInstrument[$0]] }
        let columnCount = columns.count
        for student in status.indices {
            entry.status = status[student]
            entry.state = counting[student].state
            entry.clearResults()
            if entry.state == .screened && entry.status == .enrolled && counting[student].attemptID != nil {
                entry.level = counting[student].level
            }
            if entry.state == .screened && entry.status == .enrolled, let attempt = counting[student].attemptID,
                let scan = results.first(where: { $0.contains(attempt) })
            {
                let first = scan.scoreSlot(of: attempt)
                let answers = scan.answerSlot(of: attempt)
                for column in 0..<columnCount {
                    let slot = first + column
                    guard scan.scores[slot] != Int32.min else { continue }
                    entry.scores[column] = Int(scan.scores[slot])
                    entry.bands[column] = scan.bands[slot] >= 0 ? Int(scan.bands[slot]) : nil
                    guard let answers else { continue }
                    let base = answers + offsets[column]
                    for (item, position) in positions[column].enumerated() {
                        guard let value = scan.values[base + position] else { continue }
                        entry.items[column][item] = reversals[column][item].map { $0 - value } ?? value
                    }
                }
            }
            aggregator.add(entry, leaf: Int(leafOfStudent[student]))
        }
        return aggregator.tables(leaves: leaves)
    }

    /// Steps a statement with SQLite's C interface (no `Row` values: this is the hot loop).
    static func forEachRow(_ statement: Statement, _ body: (OpaquePointer) throws -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                    sql: statement.sql)
            }
            try body(handle)
        }
    }

    /// Whether text column `index` holds exactly `bytes`, without making a String.
    static func equals(_ row: OpaquePointer, _ index: Int32, _ bytes: [UInt8]) -> Bool {
        guard let text = sqlite3_column_text(row, index) else { return bytes.isEmpty }
        let count = Int(sqlite3_column_bytes(row, index))
        guard count == bytes.count else { return false }
        return count == 0 || bytes.withUnsafeBufferPointer { memcmp(text, $0.baseAddress!, count) == 0 }
    }
}
