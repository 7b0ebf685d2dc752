/// Makes ``TableRecord`` values from cells given as text, for a ``RowSource`` that is not a CSV file (a sheet of
/// an Excel workbook, rows in memory): the records then go through the same paper-results reader as CSV ones.
///
/// ```swift
/// let builder = RecordBuilder()
/// builder.append("A20250001")
/// builder.append("2")
/// let record = builder.finish(line: 7)      // valid until the next finish
/// ```
package final class RecordBuilder {
    private let storage = RecordStorage()
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity = 256
    private var byteCount = 0
    private var spans: UnsafeMutablePointer<Int>
    private var spanCapacity = 32
    private var fieldCount = 0

    package init() {
        bytes = .allocate(capacity: byteCapacity + 16)  // readers may look a word past a field's end
        spans = .allocate(capacity: spanCapacity)
    }

    deinit {
        bytes.deallocate()
        spans.deallocate()
    }

    /// Adds a cell to the record being built (the previous record stops being valid).
    package func append(_ cell: String) {
        var cell = cell
        cell.withUTF8 { append(utf8: $0) }
    }

    /// Adds a cell given as UTF-8 bytes (a worksheet's cell text, without making a `String`).
    package func append(_ utf8: ArraySlice<UInt8>) {
        utf8.withUnsafeBufferPointer { append(utf8: $0) }
    }

    private func append(utf8: UnsafeBufferPointer<UInt8>) {
        storage.invalidate()
        if byteCount + utf8.count > byteCapacity {
            byteCapacity = max(byteCapacity * 2, byteCount + utf8.count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity + 16)
            grown.update(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = grown
        }
        if let source = utf8.baseAddress { (bytes + byteCount).update(from: source, count: utf8.count) }
        if 2 * fieldCount + 2 > spanCapacity {
            spanCapacity *= 2
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: spanCapacity)
            grown.update(from: spans, count: 2 * fieldCount)
            spans.deallocate()
            spans = grown
        }
        spans[2 * fieldCount] = byteCount
        spans[2 * fieldCount + 1] = byteCount + utf8.count
        byteCount += utf8.count
        fieldCount += 1
    }

    /// The record of the cells appended since the last call, starting on physical line `line`.
    package func finish(line: Int) -> TableRecord {
        let record = TableRecord(
            storage: storage, generation: storage.publish(base: bytes, spans: spans), count: fieldCount, line: line)
        byteCount = 0
        fieldCount = 0
        return record
    }
}
