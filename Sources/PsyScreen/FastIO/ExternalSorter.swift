import Foundation
import HeapModule

/// Sorts any number of small fixed-size values in a fixed amount of memory (an external merge sort).
///
/// Values are collected in a buffer of `capacity` elements; when it is full it is radix-sorted (``RadixSort``, with
/// a second buffer of the same size) and appended to a scratch file as a "run", with an index of where each range
/// of prefixes starts in it. ``forEachSorted(_:)`` then merges the runs, `fanIn` at a time (merging groups into
/// longer runs first when there are more), reading each through its share of the same buffer;
/// ``forEachSorted(parts:_:)`` splits that last merge by prefix range over several threads. Memory is the two
/// buffers plus a little per run, whatever the number of values; when nothing was spilled it is a plain in-memory
/// sort.
///
/// ```swift
/// let sorter = try ExternalSorter<Key>(capacity: 1 << 18, directory: ScratchFile.defaultDirectory)
/// for key in keys { try sorter.append(key) }
/// try sorter.forEachSorted { key in … }     // ascending; once
/// ```
package final class ExternalSorter<Element: ExternalSortable> {
    /// Elements held in memory before a run is spilled.
    package let capacity: Int
    /// Runs merged at once (never more than `capacity`).
    package let fanIn: Int
    private let directory: String
    private let buffer: UnsafeMutablePointer<Element>
    private let radixSort = RadixSort()
    /// The radix sort's second buffer, made at the first sort of more than a few values.
    private var temporary: UnsafeMutablePointer<Element>?
    /// Values in `buffer`, and values appended in all; in a fixed buffer so that `append` costs no exclusivity
    /// check.
    private let counters = FixedBuffer(repeating: 0, count: 2)
    private var count: Int {
        get { counters[0] }
        set { counters[0] = newValue }
    }
    private var file: ScratchFile?
    /// Runs in `file`, as element offsets and counts.
    private var runs: [Run] = []
    private var finished = false

    private struct Run {
        var start: Int
        var count: Int
        /// Where each prefix bucket starts in the run (`bucketCount + 1` offsets from `start`), so that the final
        /// merge can be split by ranges of buckets.
        var index: [Int] = []
    }

    /// Buckets for splitting the final merge: the top bits of ``ExternalSortable/sortPrefix``.
    static var bucketBits: Int { 10 }
    static var bucketCount: Int { 1 << bucketBits }

    @inline(__always)
    private static func bucket(_ value: Element) -> Int {
        Int(truncatingIfNeeded: value.sortPrefix >> UInt64(UInt64.bitWidth - bucketBits))
    }

    /// Builds a run's bucket index while its values (ascending) go by.
    private struct IndexBuilder {
        var index = [Int](repeating: 0, count: ExternalSorter.bucketCount + 1)
        var bucket = 0
        var position = 0

        @inline(__always)
        mutating func add(_ value: Element) {
            let target = ExternalSorter.bucket(value)
            while bucket < target {
                bucket += 1
                index[bucket] = position
            }
            position += 1
        }

        mutating func finish() -> [Int] {
            while bucket < ExternalSorter.bucketCount {
                bucket += 1
                index[bucket] = position
            }
            return index
        }
    }

    /// - Parameters:
    ///   - capacity: elements kept in memory (the memory bound is about `2 × capacity × MemoryLayout<Element>.stride`:
    ///     the buffer and the radix sort's second buffer).
    ///   - directory: where the scratch file goes, if one is needed.
    ///   - fanIn: runs merged in one pass (at least 2).
    package init(capacity: Int, directory: String, fanIn: Int = 64) {
        precondition(capacity >= 2 && fanIn >= 2, "an external sort needs room for two elements and two runs")
        self.capacity = capacity
        // Each run being merged reads through its own slice of the buffer: at least one value each.
        self.fanIn = min(fanIn, capacity)
        self.directory = directory
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        if !finished { buffer.deallocate() }
        temporary?.deallocate()
    }

    /// Number of values appended.
    package var total: Int { counters[1] }

    /// Sorted runs written to disk so far (for tests and statistics).
    package var spilledRuns: Int { runs.count }

    /// Adds a value.
    @inline(__always)
    package func append(_ element: Element) throws {
        let filled = counters[0]
        if filled == capacity {
            try spill()
            buffer[0] = element
            counters[0] = 1
        } else {
            buffer[filled] = element
            counters[0] = filled &+ 1
        }
        counters[1] &+= 1
    }

    /// Calls `body` with every value in ascending order. Call it once, after the last ``append(_:)``; the memory
    /// and scratch files are given back when it returns.
    package func forEachSorted(_ body: (Element) throws -> Void) throws {
        try forEachSorted(parts: 1) { _, value in try body(value) }
    }

    /// Like ``forEachSorted(_:)``, but the values come in `parts` (by ranges of ``ExternalSortable/sortPrefix``;
    /// equal prefixes always in the same part), each in ascending order, the parts merged at the same time on as
    /// many threads: `body(part, value)` must keep a separate state per part. For a final pass that would
    /// otherwise keep one core waiting.
    package func forEachSorted(parts requested: Int, _ body: (Int, Element) throws -> Void) throws {
        precondition(!finished, "forEachSorted may be called only once")
        finished = true
        defer {
            buffer.deallocate()
            temporary?.deallocate()
            temporary = nil
            file = nil
            runs = []
        }
        if runs.isEmpty {
            sortBuffer()
            for value in UnsafeMutableBufferPointer(start: buffer, count: count) { try body(0, value) }
            return
        }
        if count > 0 { try spill() }
        guard let file else { return }
        try file.flush()
        // Merge groups of `fanIn` runs into longer ones, into a second file, until one pass is left.
        var source = file
        while runs.count > fanIn {
            let target = try ScratchFile(directory: directory, bufferSize: 1 << 20)
            var merged: [Run] = []
            for groupStart in stride(from: 0, to: runs.count, by: fanIn) {
                let group = runs[groupStart..<min(groupStart + fanIn, runs.count)]
                let start = target.size / MemoryLayout<Element>.stride
                var builder = IndexBuilder()
                try merge(group, from: source) { value in
                    builder.add(value)
                    try target.append(value: value)
                }
                merged.append(Run(start: start, count: group.reduce(0) { $0 + $1.count }, index: builder.finish()))
            }
            try target.flush()
            source = target
            runs = merged
        }
        // Each part needs a slice of the buffer per run.
        let parts = max(1, min(requested, capacity / max(runs.count, 1)))
        if parts == 1 {
            try merge(runs[...], from: source) { try body(0, $0) }
        } else {
            try mergeInParts(parts, from: source, body)
        }
    }

    /// The final merge, split by prefix bucket into `parts` merged at the same time on as many threads (values
    /// with equal prefixes are always in the same part). Each part reads through its own share of the buffer.
    private func mergeInParts(
        _ parts: Int, from source: ScratchFile, _ body: (Int, Element) throws -> Void
    ) throws {
        let share = capacity / parts
        let pieces: [[Run]] = (0..<parts).map { part in
            let first = part * Self.bucketCount / parts, end = (part + 1) * Self.bucketCount / parts
            return runs.map { Run(start: $0.start + $0.index[first], count: $0.index[end] - $0.index[first]) }
                .filter { $0.count > 0 }
        }
        try withoutActuallyEscaping(body) { body in
            // Each iteration touches only its own pieces, its own share of the buffer and its own part of `body`'s
            // state; the file is read with pread. The box says so to the compiler.
            let shared = UncheckedSendable(self)
            let sendableSource = UncheckedSendable(source)
            let sendableBody = UncheckedSendable(body)
            let error = ErrorSlot()
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let sorter = shared.value
                guard !pieces[part].isEmpty else { return }
                do {
                    try sorter.merge(
                        pieces[part][...], from: sendableSource.value, memory: sorter.buffer + part * share, capacity: share
                    ) { try sendableBody.value(part, $0) }
                } catch let thrown {
                    error.set(thrown)
                }
            }
            if let error = error.error { throw error }
        }
    }

    private func sortBuffer() {
        if temporary == nil { temporary = .allocate(capacity: capacity) }
        radixSort.sort(buffer, count: count, temporary: temporary!)
    }

    private func spill() throws {
        sortBuffer()
        let values = UnsafeMutableBufferPointer(start: buffer, count: count)
        if file == nil { file = try ScratchFile(directory: directory, bufferSize: 1 << 20) }
        let file = file!
        let start = file.size / MemoryLayout<Element>.stride
        try file.append(UnsafeRawBufferPointer(values))
        var builder = IndexBuilder()
        for value in values { builder.add(value) }
        runs.append(Run(start: start, count: count, index: builder.finish()))
        count = 0
    }

    /// One reader per run, each refilled from the file into its slice of `buffer`.
    private struct Cursor {
        var next: Int  // next element of the run still in the file
        var end: Int
        var slice: UnsafeMutablePointer<Element>
        var sliceCapacity: Int
        var index = 0
        var filled = 0
    }

    /// The current value of a cursor, in the merge's heap: ties go to the earlier run, which keeps the merge
    /// stable.
    private struct Head: Comparable {
        var value: Element
        var cursor: Int

        static func < (lhs: Head, rhs: Head) -> Bool {
            lhs.value < rhs.value || (!(rhs.value < lhs.value) && lhs.cursor < rhs.cursor)
        }
    }

    /// k-way merge of `group`, each run read through its share of `memory` (the whole buffer by default).
    private func merge(
        _ group: ArraySlice<Run>, from file: ScratchFile, memory: UnsafeMutablePointer<Element>? = nil, capacity: Int? = nil,
        _ body: (Element) throws -> Void
    ) throws {
        let buffer = memory ?? self.buffer
        let share = max((capacity ?? self.capacity) / group.count, 1)
        let elementSize = MemoryLayout<Element>.stride
        func refill(_ cursor: inout Cursor) throws -> Bool {
            let wanted = min(cursor.sliceCapacity, cursor.end - cursor.next)
            guard wanted > 0 else { return false }
            try file.readExactly(at: cursor.next * elementSize, into: cursor.slice, count: wanted * elementSize)
            cursor.next += wanted
            cursor.index = 0
            cursor.filled = wanted
            return true
        }
        var cursors: [Cursor] = []
        var heap = Heap<Head>()
        for (index, run) in group.enumerated() {
            var cursor = Cursor(next: run.start, end: run.start + run.count, slice: buffer + index * share, sliceCapacity: share)
            if try refill(&cursor) { heap.insert(Head(value: cursor.slice[0], cursor: index)) }
            cursors.append(cursor)
        }
        while let head = heap.min {
            try body(head.value)
            let index = head.cursor
            cursors[index].index &+= 1
            if try cursors[index].index < cursors[index].filled || refill(&cursors[index]) {
                _ = heap.replaceMin(with: Head(value: cursors[index].slice[cursors[index].index], cursor: index))
            } else {
                _ = heap.removeMin()
            }
        }
    }
}
