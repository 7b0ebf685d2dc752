/// Writes scored rows: the passthrough cells of the input record, then the ``ResultColumns`` cells.
///
/// The score part of a row is copied from byte segments prepared once per distinct outcome of
/// ``TabulatedScorer`` (`,12,moderate` in CSV; `,"phq9.total":12,"phq9.total.band":"moderate"` in JSON lines) and
/// once per instrument, flag set and status, so writing a row costs little more than copying its bytes. The
/// segments live in one buffer reached through pointers: no reference counting per row.
final class ScoredRowWriter {
    let format: ScoredOutputFormat
    /// The underlying byte writer (for positions and flushing).
    let output: ByteWriter
    private let csv: CSVWriter
    private let isJSON: Bool
    private let scorer: TabulatedScorer
    private let scaleCount: Int
    private let instrumentCount: Int
    private let passthroughCount: Int
    private let passthrough: UnsafeMutablePointer<Int>
    /// Passthrough columns grouped into runs of neighbours (first and last column), for copying a run of plain
    /// cells from a comma-separated input in one go.
    private let runs: UnsafeMutablePointer<(first: Int, last: Int)>
    private let runCount: Int
    private let commaInput: Bool
    /// Every prepared segment, back to back; each starts with its separator (`,`).
    private let arena: UnsafeMutablePointer<UInt8>
    /// JSON lines: `,"name":` per passthrough column.
    private let keySegments: UnsafeMutablePointer<Segment>
    /// Per outcome id known when the writer was made.
    private let outcomeSegments: UnsafeMutablePointer<Segment>
    private let preparedOutcomes: Int
    /// Per instrument, per (flag mask × 3 + status rank), starting at `tailStart[instrument]`.
    private let tailSegments: UnsafeMutablePointer<Segment>
    private let tailStart: UnsafeMutablePointer<Int>
    /// Bytes the score part of a row can take at most (prepared outcomes only).
    private let scoreBytes: Int
    /// Outcomes the scorer meets after the writer was made (only with very large tables), prepared on demand.
    private var lateSegments: [[UInt8]] = []

    private struct Segment {
        var offset: Int32
        var length: Int32
    }

    /// - Parameter inputDelimiter: the input's separator byte; with commas, runs of plain cells are copied as
    ///   they are.
    init(
        fileDescriptor: Int32, name: String, format: ScoredOutputFormat, byteOrderMark: Bool, layout: PaperResultsLayout,
        scorer: TabulatedScorer, inputDelimiter: UInt8?
    ) {
        self.format = format
        self.scorer = scorer
        isJSON = format == .jsonl
        // JSON lines also goes through the CSV writer's byte writer; only its field methods are CSV.
        csv = CSVWriter(fileDescriptor: fileDescriptor, name: name, options: .init(byteOrderMark: byteOrderMark && !isJSON))
        output = csv.output
        scaleCount = scorer.scaleCount
        instrumentCount = scorer.instruments.count
        passthroughCount = layout.passthroughColumns.count
        passthrough = .allocate(capacity: max(passthroughCount, 1))
        passthrough.initialize(from: layout.passthroughColumns, count: passthroughCount)
        var runList: [(first: Int, last: Int)] = []
        for column in layout.passthroughColumns {
            if let last = runList.last, last.last + 1 == column {
                runList[runList.count - 1].last = column
            } else {
                runList.append((column, column))
            }
        }
        runCount = runList.count
        runs = .allocate(capacity: max(runCount, 1))
        runs.initialize(from: runList, count: runCount)
        commaInput = inputDelimiter == UInt8(ascii: ",")

        var bytes: [UInt8] = []
        func add(_ segment: [UInt8]) -> Segment {
            defer { bytes += segment }
            return Segment(offset: Int32(bytes.count), length: Int32(segment.count))
        }
        let keys = layout.passthroughColumns.map {
            add(Array(",".utf8) + Self.jsonString(layout.header[$0]) + [UInt8(ascii: ":")])
        }
        preparedOutcomes = scorer.outcomes.count
        let outcomes = (0..<preparedOutcomes).map { add(Self.outcomeSegment($0, scorer: scorer, format: format)) }
        var tails: [Segment] = []
        var starts: [Int] = []
        var longestTail = 0
        for instrument in scorer.instruments {
            starts.append(tails.count)
            for code in 0..<(3 << instrument.flags.count) {
                let segment = Self.tailSegment(instrument, code: code, format: format)
                longestTail = max(longestTail, segment.count)
                tails.append(add(segment))
            }
        }
        var longest = [Int](repeating: 0, count: scorer.scaleCount)
        for (id, segment) in outcomes.enumerated() {
            longest[scorer.outcomeScale[id]] = max(longest[scorer.outcomeScale[id]], Int(segment.length))
        }
        scoreBytes = longest.reduce(0, +) + longestTail * scorer.instruments.count + 2 + 8  // + 8: word copies
        arena = Self.copy(bytes + [UInt8](repeating: 0, count: 8))  // padding for word-at-a-time copies
        keySegments = Self.copy(keys)
        outcomeSegments = Self.copy(outcomes)
        tailSegments = Self.copy(tails)
        tailStart = Self.copy(starts)
    }

    deinit {
        passthrough.deallocate()
        runs.deallocate()
        arena.deallocate()
        keySegments.deallocate()
        outcomeSegments.deallocate()
        tailSegments.deallocate()
        tailStart.deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
        let pointer = UnsafeMutablePointer<Element>.allocate(capacity: max(array.count, 1))
        pointer.initialize(from: array, count: array.count)
        return pointer
    }

    /// Writes the header record (CSV only; JSON lines has none).
    func writeHeader(_ layout: PaperResultsLayout) throws {
        guard !isJSON else { return }
        for column in layout.passthroughColumns { try csv.writeField(layout.header[column], neutralizingFormula: true) }
        for name in ResultColumns(layout.instruments).names { try csv.writeField(name) }
        try csv.endRecord()
    }

    /// Writes one scored row.
    @inline(__always)
    func write(_ record: TableRecord, _ row: ScoredRow) throws {
        if isJSON {
            for index in 0..<passthroughCount {
                let key = keySegments[index]
                if index == 0 {
                    try output.write(UInt8(ascii: "{"))
                    try output.write(UnsafeBufferPointer(start: arena + Int(key.offset) + 1, count: Int(key.length) - 1))
                } else {
                    try output.write(UnsafeBufferPointer(start: arena + Int(key.offset), count: Int(key.length)))
                }
                try output.writeJSONString(record.bytes(at: passthrough[index]))
            }
        } else {
            for index in 0..<runCount {
                let run = runs[index]
                if commaInput, try copyPlainRun(record, run.first, run.last) { continue }
                for column in run.first...run.last {
                    try csv.writeField(record.bytes(at: column), neutralizingFormula: true)
                }
            }
        }
        let out = try output.reserve(scoreBytes)
        var n = 0
        // Without passthrough columns the first segment loses its separator (JSON: becomes the opening brace).
        var skip = passthroughCount == 0 ? 1 : 0
        if skip == 1 && isJSON {
            out[0] = UInt8(ascii: "{")
            n = 1
        }
        for slot in 0..<scaleCount {
            let id = row.outcome(ofScale: slot)
            guard id < preparedOutcomes else {
                try writeSlowly(row, written: n, skip: skip)
                return
            }
            let segment = outcomeSegments[id]
            let length = Int(segment.length) &- skip
            Self.copyWords(from: arena + (Int(segment.offset) &+ skip), to: out + n, count: length)
            n &+= length
            skip = 0
        }
        for instrument in 0..<instrumentCount {
            let code = Int(row.flagMask(instrument)) &* 3 &+ row.statusRank(instrument)
            let segment = tailSegments[tailStart[instrument] &+ code]
            let length = Int(segment.length) &- skip
            Self.copyWords(from: arena + (Int(segment.offset) &+ skip), to: out + n, count: length)
            n &+= length
            skip = 0
        }
        if isJSON {
            out[n] = UInt8(ascii: "}")
            n &+= 1
        }
        out[n] = 0x0A
        output.advance(by: n &+ 1)
        csv.atRecordStart = true
    }

    /// Copies the cells `first...last` of a comma-separated record as they are in the input, when that is also
    /// how they must be written: unquoted (one comma between each), no quote inside, nothing that starts like a
    /// formula. `false` (nothing written) otherwise.
    @inline(__always)
    private func copyPlainRun(_ record: TableRecord, _ first: Int, _ last: Int) throws -> Bool {
        let fields = record.fields
        let spans = fields.spans, base = fields.base
        for column in first...last {
            let start = spans[2 &* column], end = spans[2 &* column &+ 1]
            if column < last && end &+ 1 != spans[2 &* column &+ 2] { return false }
            if start < end && CSVField.startsFormula(base[start]) { return false }
        }
        let start = spans[2 &* first], size = spans[2 &* last &+ 1] &- start
        if Self.containsQuote(base + start, count: size) { return false }
        guard let out = try output.reserveIfFits(size &+ 1 &+ 8) else { return false }
        var n = 0
        if !csv.atRecordStart {
            out[0] = UInt8(ascii: ",")
            n = 1
        }
        // The reader pads its buffer, so reading a word past the cells stays inside it.
        Self.copyWords(from: base + start, to: out + n, count: size)
        output.advance(by: n &+ size)
        csv.atRecordStart = false
        return true
    }

    /// Copies `count` bytes eight at a time; may read and write up to seven bytes past the end (callers leave room).
    @inline(__always)
    private static func copyWords(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        var offset = 0
        while offset < count {
            UnsafeMutableRawPointer(target + offset).storeBytes(
                of: UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self), as: UInt64.self)
            offset &+= 8
        }
    }

    /// Whether a quote is among `count` bytes, eight at a time.
    @inline(__always)
    private static func containsQuote(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset &+ 8 <= count {
            let word = UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self) ^ 0x2222_2222_2222_2222
            if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
            offset &+= 8
        }
        while offset < count {
            if bytes[offset] == UInt8(ascii: "\"") { return true }
            offset &+= 1
        }
        return false
    }

    /// The score part when an outcome was met after the writer was made: segment by segment, with checks.
    private func writeSlowly(_ row: ScoredRow, written: Int, skip firstSkip: Int) throws {
        output.advance(by: written)
        var skip = firstSkip
        func put(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBufferPointer { try output.write(UnsafeBufferPointer(rebasing: $0.dropFirst(skip))) }
            skip = 0
        }
        for slot in 0..<scaleCount {
            let id = row.outcome(ofScale: slot)
            if id < preparedOutcomes {
                let segment = outcomeSegments[id]
                try put(Array(UnsafeBufferPointer(start: arena + Int(segment.offset), count: Int(segment.length))))
            } else {
                while preparedOutcomes + lateSegments.count <= id {
                    lateSegments.append(
                        Self.outcomeSegment(preparedOutcomes + lateSegments.count, scorer: scorer, format: format))
                }
                try put(lateSegments[id - preparedOutcomes])
            }
        }
        for instrument in 0..<instrumentCount {
            let code = Int(row.flagMask(instrument)) * 3 + row.statusRank(instrument)
            let segment = tailSegments[tailStart[instrument] + code]
            try put(Array(UnsafeBufferPointer(start: arena + Int(segment.offset), count: Int(segment.length))))
        }
        if isJSON { try output.write(UInt8(ascii: "}")) }
        try output.write(0x0A)
        csv.atRecordStart = true
    }

    func flush() throws { try output.flush() }
}
