import GRDBSQLite

/// The columns of one attempt row (``AttemptReader/headColumns``) as ``AttemptReader`` reads them: the current row
/// of a statement, or a copy of one kept to be read later (``CopiedAttempts``).
protocol AttemptColumns {
    /// An integer column.
    func int64(_ index: Int32) -> Int64
    /// A text column's bytes, nil for NULL; valid until the row changes.
    func text(_ index: Int32) -> UnsafeBufferPointer<UInt8>?
}

/// The current row of a statement stepped through SQLite's C interface.
struct StatementRow: AttemptColumns {
    let row: OpaquePointer

    init(_ row: OpaquePointer) { self.row = row }

    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(row, index) }

    func text(_ index: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let pointer = sqlite3_column_text(row, index) else { return nil }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(row, index)))
    }
}

/// Attempt rows copied out of a statement, their texts in one buffer: what lets ``AttemptBatch`` read attempts in
/// the order they are stored and hand them on in another. About 200 bytes an attempt of the annual battery.
struct CopiedAttempts {
    private var bytes: [UInt8] = []
    private var ids: [Int64] = []
    /// Per row and text column (1 to 12): where its bytes start, and how many (−1 for NULL).
    private var spans: [Int] = []
    fileprivate static let texts = AttemptReader.headColumnCount - 1

    var count: Int { ids.count }

    /// Copies the statement's current row (``AttemptReader/headColumns`` from column 0); returns its index.
    mutating func append(_ row: OpaquePointer) -> Int {
        ids.append(sqlite3_column_int64(row, 0))
        for column in 1...Int32(Self.texts) {
            guard let text = sqlite3_column_text(row, column) else {
                spans.append(0)
                spans.append(-1)
                continue
            }
            let count = Int(sqlite3_column_bytes(row, column))
            spans.append(bytes.count)
            spans.append(count)
            bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
        }
        return ids.count - 1
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with row `index`.
    func withRow<T>(_ index: Int, _ body: (Row) throws -> T) rethrows -> T {
        try bytes.withUnsafeBufferPointer { bytes in
            try spans.withUnsafeBufferPointer { spans in
                try body(Row(id: ids[index], bytes: bytes.baseAddress, spans: spans.baseAddress! + index * Self.texts * 2))
            }
        }
    }

    /// One copied row, its id at column 0 and its texts at 1 to 12.
    struct Row: AttemptColumns {
        fileprivate let id: Int64
        fileprivate let bytes: UnsafePointer<UInt8>?
        /// This row's 24 spans.
        fileprivate let spans: UnsafePointer<Int>

        func int64(_ index: Int32) -> Int64 {
            precondition(index == 0, "a copied attempt holds one integer column")
            return id
        }

        func text(_ index: Int32) -> UnsafeBufferPointer<UInt8>? {
            precondition(index >= 1 && Int(index) <= CopiedAttempts.texts, "no such column")
            let span = Int(index - 1) * 2
            let count = spans[span + 1]
            guard count >= 0 else { return nil }
            return UnsafeBufferPointer(start: bytes.map { $0 + spans[span] }, count: count)
        }
    }
}
