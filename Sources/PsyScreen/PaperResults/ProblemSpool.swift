/// Keeps the problems of a paper-results run on disk until the end, then hands them out in line order, in memory
/// that does not grow with their number.
///
/// Problems come in streams, each in line order: those found while reading (``add(_:)``), then those known only
/// after the whole file was read — repeated student IDs, sheets whose student is not on the roster
/// (``addLate(_:stream:)``). ``write(to:)`` merges the streams, so the report reads top to bottom like the input.
package final class ProblemSpool {
    private let streams: [ScratchFile]
    /// Problems spooled so far, in all streams.
    package private(set) var count = 0
    /// Of them, those of kind ``RecordProblem/Kind-swift.enum/crisis``.
    package private(set) var crisisCount = 0

    /// - Parameter lateStreams: how many streams of problems found after the read there will be.
    package init(directory: String, lateStreams: Int = 1) throws {
        streams = try (0...lateStreams).map { _ in try ScratchFile(directory: directory) }
    }

    /// Adds a problem found while reading (lines must not decrease).
    package func add(_ problem: RecordProblem) throws { try append(problem, stream: 0) }

    /// Adds a problem found after the read to late stream `stream` (1…; lines must not decrease within it).
    package func addLate(_ problem: RecordProblem, stream: Int = 1) throws { try append(problem, stream: stream) }

    /// Calls `body` with every problem, ordered by line (problems of one record in the order of their streams,
    /// then in the order they were added).
    package func write(to body: (RecordProblem) throws -> Void) throws {
        let readers = try streams.map { file in
            try file.flush()
            return ScratchReader(file)
        }
        var heads = try readers.map { try Self.next($0) }
        while true {
            var pick: Int?
            for (index, head) in heads.enumerated() {
                guard let head else { continue }
                if pick == nil || head.line < heads[pick!]!.line { pick = index }
            }
            guard let stream = pick else { return }
            try body(heads[stream]!)
            heads[stream] = try Self.next(readers[stream])
        }
    }

    private func append(_ problem: RecordProblem, stream: Int) throws {
        let file = streams[stream]
        try file.append(value: UInt64(problem.line))
        try file.append(value: Int64(problem.field ?? -1))
        try file.append(value: UInt8(problem.kind == .crisis ? 1 : 0))
        for text in [problem.column, problem.value, problem.reason.english, problem.reason.chinese] {
            try file.append(value: UInt32(text.utf8.count))
            try file.append(text)
        }
        count += 1
        if problem.kind == .crisis { crisisCount += 1 }
    }

    private static func next(_ reader: ScratchReader) throws -> RecordProblem? {
        guard let line: UInt64 = try reader.read() else { return nil }
        guard let field: Int64 = try reader.read(), let kind: UInt8 = try reader.read() else { throw ScratchFile.truncated }
        var texts: [String] = []
        for _ in 0..<4 {
            guard let length: UInt32 = try reader.read() else { throw ScratchFile.truncated }
            texts.append(try reader.readString(Int(length)))
        }
        var problem = RecordProblem(
            kind == 1 ? .crisis : .rejection, line: Int(line), field: field < 0 ? nil : Int(field), column: texts[0], value: "",
            reason: LocalizedText(english: texts[2], chinese: texts[3]))
        problem.value = texts[1]  // already an excerpt
        return problem
    }
}
