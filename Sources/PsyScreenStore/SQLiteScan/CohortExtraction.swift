import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

extension SQLiteStore {
    /// Counts every roster student of `wave` into the cohort tables of a report over `columns`.
    ///
    /// Streaming scans — roster, the wave's attempts, their instrument results (scores and answers) — read with
    /// SQLite's C interface, with no per-attempt values built: a million stored results take about a second.
    /// The attempt that counts and its level are ``CountingAttempt``'s, as in the register.
    package func cohortTables(wave: String, columns: [CohortColumn]) throws(StoreError) -> CohortTables {
        try cohortTables(wave: wave, columns: columns, checkingRelease: false, leaves: true).tables
    }

    /// The cohort tables (with the leaves' counts when `leaves`) and, when `checkingRelease`, the digest of the
    /// wave's release fingerprints now, from the same roster and attempt rows.
    func cohortTables(
        wave: String, columns: [CohortColumn], checkingRelease: Bool, leaves: Bool
    ) throws(StoreError) -> (tables: CohortTables, release: ReleaseDigest?) {
        var extraction = CohortExtraction(columns: columns, checksRelease: checkingRelease)
        // The range holds every attempt of the wave (staged ones too, and other waves' between them): the result
        // scans count only the wave's visible ones.
        let (range, staging) = try read { db in
            (
                try Self.attemptRange(db, wave: wave),
                Set(try Int64.fetchAll(db, sql: "SELECT id FROM import WHERE state = 'staging'"))
            )
        }
        // Instrument results (scores, and the answers alpha needs) and the wave's attempts in two halves, each on its
        // own connection and thread: with the roster scan on this one that makes three, which keeps both cores busy
        // whichever finishes first.
        let needed = columns.contains { !$0.itemPositions.isEmpty }
        let halves: [(first: Int64, last: Int64)] =
            range.map { range in
                let middle = range.first + (range.last - range.first) / 2
                return [(range.first, middle), (middle + 1, range.last)].filter { $0.0 <= $0.1 }
            } ?? []
        let results = halves.map {
            ResultScan(
                path: queue.path, range: $0, wave: wave, staging: staging, columns: columns, instruments: extraction.instruments,
                widths: extraction.itemWidths, readsAnswers: needed)
        }
        let group = DispatchGroup()
        for scan in results {
            group.enter()
            DispatchQueue.global(qos: .userInitiated).async {
                scan.run()
                group.leave()
            }
        }
        let scanned: Result<Void, StoreError> = Result { () throws(StoreError) in
            try read { db in
                try extraction.readRoster(db)
            }
        }
        group.wait()
        try scanned.get()
        if let failure = results.compactMap(\.failure).first {
            throw StoreError(path: path, failure)
        }
        do { try extraction.countAttempts(results) } catch { throw StoreError(path: path, error) }
        let tables = extraction.aggregate(results, leaves: leaves)
        return (tables, extraction.release?.digest())
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
        try SQLiteColumn.forEachRow(statement) { row in
            let id = ReleaseFingerprints.bytes(row, 0)
            studentIndex.insert(id.baseAddress!, count: id.count)
            var changed = false
            let values = (
                texts[1].read(row, 1, changed: &changed), texts[2].read(row, 2, changed: &changed),
                texts[3].read(row, 3, changed: &changed), texts[4].read(row, 4, changed: &changed),
                texts[5].read(row, 5, changed: &changed)
            )
            let statusText = texts[6].read(row, 6)
            // The fingerprint's roster part from the texts just read: no second read of six columns a row.
            release?.addStudent(id: id, texts: texts)
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
        studentIndex.seal()
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

    /// Counts the wave's visible attempts the result scans kept (``WaveAttempts``), each into its student's
    /// ``CountingAttempt`` and release fingerprint: the rule keeps the latest id and any red, so the order of the
    /// attempts, and which half read them, makes no difference. The halves' students are looked up at once (a
    /// million lookups in a table larger than the cache), then counted here.
    mutating func countAttempts(_ scans: [ResultScan]) throws {
        let halves = scans.map { $0.takeAttempts() }
        let students = Parallel.map(halves.count) { [studentIndex] half in
            var students: [Int32] = []
            students.reserveCapacity(halves[half].count)
            halves[half].forEach { _, id in
                var student: Int32 = -1
                if let text = id.baseAddress, let found = studentIndex.find(text, count: id.count) { student = Int32(found) }
                students.append(student)
            }
            return students
        }
        for (attempts, students) in zip(halves, students) {
            for (index, student) in students.enumerated() where student >= 0 {
                try count(attempts, index, student: Int(student))
            }
        }
    }

    /// Counts attempt `index` of `attempts` into roster student `student`.
    private mutating func count(_ attempts: WaveAttempts, _ index: Int, student: Int) throws {
        let state = attempts.state(index), level = attempts.level(index), scored = attempts.scored(index)
        guard state != WaveAttempts.unknown, level != WaveAttempts.unknown else {
            throw attempts.unknownTexts[index]!
        }
        let id = attempts.id(index)
        counting[student].add(
            id: id, state: WaveAttempts.states[Int(state)], scored: scored == true, level: WaveAttempts.levels[Int(level)])
        guard release != nil else { return }
        WaveAttempts.stateTexts[Int(state)].withUnsafeBufferPointer { stateText in
            WaveAttempts.levelTexts[Int(level)].withUnsafeBufferPointer { levelText in
                release!.addAttempt(id: id, state: stateText, scored: scored, level: levelText, student: student)
            }
        }
    }

    /// The cohort tables (with the leaves' counts when `leaves`): the two halves of the roster counted at once,
    /// the first into the roster scan's aggregator itself (taken out of `self`, so that it is counted in place
    /// rather than copied leaf by leaf), the second into an emptied copy.
    mutating func aggregate(_ results: [ResultScan], leaves: Bool) -> CohortTables {
        let first = Counter(aggregator)
        aggregator = CohortAggregator(columns: columns)
        let second = Counter(first.aggregator.emptied())
        let middle = status.count / 2
        _ = Parallel.both(
            { count(0..<middle, into: &first.aggregator, results) },
            { count(middle..<status.count, into: &second.aggregator, results) })
        first.aggregator.merge(second.aggregator)
        return first.aggregator.tables(leaves: leaves)
    }

    /// An aggregator one thread counts into, held by reference so that it is never copied on the way.
    private final class Counter: @unchecked Sendable {
        var aggregator: CohortAggregator
        init(_ aggregator: CohortAggregator) { self.aggregator = aggregator }
    }

    /// `students` (roster-scan positions) counted into `aggregator`.
    private func count(_ students: Range<Int>, into aggregator: inout CohortAggregator, _ results: [ResultScan]) {
        var entry = CohortEntry(columns: columns)
        let positions = columns.map(\.itemPositions), reversals = columns.map(\.reversal)
        let offsets = columns.indices.map { itemOffset[columnInstrument[$0]] }
        let columnCount = columns.count
        for student in students {
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
    }
}
