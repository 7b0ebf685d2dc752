import Foundation
import GRDB
import GRDBSQLite
import PsyScreen

/// Reads the attempts of listed students in the order they are stored, and hands them on in the order they are
/// listed: what keeps `results` of a district from reading a page of the attempt table from the kernel for nearly
/// every student.
///
/// A listing goes by school, grade and class; attempts are stored in the order they were taken or imported, so
/// that one class's attempts lie all over the table. Searched one by one in listing order, each needs a B-tree
/// search and, once the table outgrows the page cache, a page read. Here the students are taken `capacity` at a
/// time (``SQLiteStore/listingBatch``): their attempts are read in one statement, in id order (each page once, no
/// statement per attempt), and copied aside as bytes (``CopiedAttempts``, about 200 bytes each). The batch then goes
/// to a thread of its own (``Parallel/pipeline(produce:consume:)``), which reads the copies into values and calls
/// the listing's `body` for each student in listing order, while this thread reads the next batch. Three batches at
/// most are held (one written, one waiting, one being read), about 1 MB each at 2,048 students, whatever the number
/// of students (at 100,000 students, batches of 4,096 and 8,192 were no faster and held 4 and 12 MB more).
///
/// Not generic: a generic batch copied and destroyed its students through the runtime's value witnesses.
enum AttemptBatch {
    /// What the batch hands on, on the consumer's thread: a student, their verdict, and the attempt asked for (nil:
    /// none asked for, or none stored).
    typealias Body = (_ student: Student, _ counting: CountingAttempt, _ attempt: ScreeningAttempt?) throws -> Void

    /// Students `produce` adds (``Filler/add(_:_:attemptID:)``) go to `body` in the same order, each with the
    /// attempt asked for. `produce` runs here, on the connection's thread; `body` on another, one call at a time.
    static func read(
        _ db: Database, capacity: Int, produce: (inout Filler) throws -> Void, body: Body
    ) throws {
        let statement = try db.makeStatement(
            sql: "SELECT \(AttemptReader.headColumns) FROM attempt a WHERE a.id IN (SELECT value FROM json_each(?))")
        var reader = AttemptReader()
        try Parallel.pipeline(
            produce: { hand in
                try withoutActuallyEscaping(hand) { hand in
                    var filler = Filler(capacity: capacity, statement: statement, hand: hand)
                    try produce(&filler)
                    try filler.flush()
                }
            },
            consume: { (batch: Batch) in
                for position in batch.students.indices {
                    let copy = batch.copyAt[position]
                    let attempt = copy < 0 ? nil : try batch.copies.withRow(copy) { row in try reader.head(row, at: 0) }
                    try body(batch.students[position].student, batch.students[position].counting, attempt)
                }
            })
    }

    /// A batch read: its students in the order added, the copies of their attempt rows, and which copy is whose.
    struct Batch {
        var students: [(student: Student, counting: CountingAttempt)] = []
        var copies = CopiedAttempts()
        /// Per student, the index of their attempt's copy (−1: none).
        var copyAt: [Int] = []
    }

    /// Takes students on the connection's thread and reads each batch's attempts.
    struct Filler {
        let capacity: Int
        let statement: Statement
        let hand: (Batch) throws -> Void
        private var students: [(student: Student, counting: CountingAttempt)] = []
        private var attemptIDs: [Int64?] = []

        init(capacity: Int, statement: Statement, hand: @escaping (Batch) throws -> Void) {
            self.capacity = capacity
            self.statement = statement
            self.hand = hand
        }

        /// Adds a student whose attempt to read is `attemptID` (nil: none).
        mutating func add(_ student: Student, _ counting: CountingAttempt, attemptID: Int64?) throws {
            students.append((student, counting))
            attemptIDs.append(attemptID)
            if students.count >= capacity { try flush() }
        }

        /// Reads the attempts of the students waiting and hands them on.
        mutating func flush() throws {
            guard !students.isEmpty else { return }
            var batch = Batch(copyAt: [Int](repeating: -1, count: students.count))
            var wanted: [(id: Int64, position: Int)] = []
            wanted.reserveCapacity(attemptIDs.count)
            for (position, id) in attemptIDs.enumerated() {
                if let id { wanted.append((id, position)) }
            }
            wanted.sort { $0.id < $1.id }
            if !wanted.isEmpty {
                try statement.setArguments([Self.jsonArray(wanted.map(\.id))])
                var next = 0
                try SQLiteColumn.forEachRow(statement) { row in
                    let id = sqlite3_column_int64(row, 0)
                    // SQLite gives the rows in id order; search only if it did not.
                    var index = next < wanted.count && wanted[next].id == id ? next : Self.firstIndex(of: id, in: wanted)
                    guard index < wanted.count, wanted[index].id == id else { return }
                    let copy = batch.copies.append(row)
                    while index < wanted.count && wanted[index].id == id {
                        batch.copyAt[wanted[index].position] = copy
                        index += 1
                    }
                    next = index
                }
            }
            swap(&batch.students, &students)
            students.reserveCapacity(capacity)
            attemptIDs.removeAll(keepingCapacity: true)
            try hand(batch)
        }

        /// The first index of `wanted` (sorted by id) whose id is not below `id`.
        private static func firstIndex(of id: Int64, in wanted: [(id: Int64, position: Int)]) -> Int {
            var low = 0
            var high = wanted.count
            while low < high {
                let middle = (low + high) / 2
                if wanted[middle].id < id { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// `[1,5,9]`: the ids as the JSON array `json_each` reads.
        private static func jsonArray(_ ids: [Int64]) -> String {
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            bytes.reserveCapacity(ids.count * 8 + 2)
            for (index, id) in ids.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += String(id).utf8
            }
            bytes.append(UInt8(ascii: "]"))
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
