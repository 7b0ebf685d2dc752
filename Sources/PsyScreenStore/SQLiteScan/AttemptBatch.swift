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
/// search and, once the table outgrows the page cache, a page read. Here the students are taken ``capacity`` at a
/// time: their attempts are read in one statement, in id order (each page once, no statement per attempt), copied
/// aside (``CopiedAttempts``, about 200 bytes each), then read into values in listing order. Memory stays within a
/// few megabytes whatever the number of students (``SQLiteStore/listingBatch``: 8,192 students a batch hold about
/// 4 MB; at 100,000 students 16,384 were no faster).
///
/// Not generic: a generic batch copied and destroyed its students through the runtime's value witnesses.
struct AttemptBatch {
    /// Students a batch holds.
    let capacity: Int
    private var pending: [(student: Student, counting: CountingAttempt, attemptID: Int64?)] = []
    private var copies = CopiedAttempts()
    private var reader: AttemptReader
    private let statement: Statement

    init(_ db: Database, capacity: Int) throws {
        self.capacity = capacity
        reader = try AttemptReader(db)
        statement = try db.makeStatement(
            sql: "SELECT \(AttemptReader.headColumns) FROM attempt a WHERE a.id IN (SELECT value FROM json_each(?))")
    }

    /// What the batch hands on: a student, their verdict, and the attempt asked for (nil: none asked for, or none
    /// stored).
    typealias Body = (_ student: Student, _ counting: CountingAttempt, _ attempt: ScreeningAttempt?) throws -> Void

    /// Adds a student whose attempt to read is `attemptID` (nil: none); once ``capacity`` are waiting, calls `body`
    /// with each of them and their attempt, in the order they were added.
    mutating func add(_ student: Student, _ counting: CountingAttempt, attemptID: Int64?, _ body: Body) throws {
        pending.append((student, counting, attemptID))
        if pending.count >= capacity { try flush(body) }
    }

    /// Calls `body` with every student still waiting.
    mutating func flush(_ body: Body) throws {
        defer {
            pending.removeAll(keepingCapacity: true)
            copies.removeAll()
        }
        var wanted: [(id: Int64, position: Int)] = []
        wanted.reserveCapacity(pending.count)
        for (position, entry) in pending.enumerated() {
            if let id = entry.attemptID { wanted.append((id, position)) }
        }
        wanted.sort { $0.id < $1.id }
        // The copy of each student's attempt row, by position (−1: none).
        var copyAt = [Int](repeating: -1, count: pending.count)
        if !wanted.isEmpty {
            try statement.setArguments([Self.jsonArray(wanted.map(\.id))])
            var next = 0
            try CohortExtraction.forEachRow(statement) { row in
                let id = sqlite3_column_int64(row, 0)
                // SQLite gives the rows in id order; search only if it did not.
                var index = next < wanted.count && wanted[next].id == id ? next : Self.firstIndex(of: id, in: wanted)
                guard index < wanted.count, wanted[index].id == id else { return }
                let copy = copies.append(row)
                while index < wanted.count && wanted[index].id == id {
                    copyAt[wanted[index].position] = copy
                    index += 1
                }
                next = index
            }
        }
        for position in pending.indices {
            let copy = copyAt[position]
            let attempt = copy < 0 ? nil : try copies.withRow(copy) { row in try reader.head(row, at: 0) }
            try body(pending[position].student, pending[position].counting, attempt)
        }
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
