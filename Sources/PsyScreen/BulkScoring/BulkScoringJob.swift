#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scores a paper-results CSV file record by record into a CSV or JSON-lines output: the engine of
/// `psyscreen score`. No terminal, no file names chosen here: the caller opens the input, provides the output
/// descriptor and decides what to do with the result (commit, discard with `--strict`, copy to stdout).
///
/// 1. ``init(reader:instruments:options:)`` reads the header and reports every header problem at once
///    (unknown or missing item column) before any record is read.
/// 2. ``run(output:outputName:problems:progress:)`` streams the records: a fully blank record is skipped and
///    counted; a record with a wrong field count, a non-number or a value that is not an option is rejected
///    into `problems` with its physical line; every other record is scored and written in input order.
///    Memory stays flat: nothing is kept per record except on disk.
/// 3. Then repeated student IDs are found (``RepeatedIDFinder``): the first record of each ID stays, the later
///    ones are reported and their rows removed from the output in place (so the output must then be a regular
///    file: see ``needsSeekableOutput``).
package final class BulkScoringJob {
    package struct Options: Sendable {
        package var format: ScoredOutputFormat
        /// Start a CSV output with a UTF-8 byte order mark, for Excel.
        package var byteOrderMark: Bool
        /// Where scratch files go (they have no name and vanish with the process).
        package var scratchDirectory: String
        /// Bytes of memory for finding repeated IDs in; more only means fewer sort runs on disk.
        package var repeatMemory: Int
        /// Runs merged at once when sorting IDs (small values are for tests).
        package var fanIn: Int
        /// The output is a file that will be committed with `fsync`: start that while repeats are searched for.
        package var syncOutputEarly: Bool

        package init(
            format: ScoredOutputFormat = .csv, byteOrderMark: Bool = false,
            scratchDirectory: String = ScratchFile.defaultDirectory, repeatMemory: Int = 8 << 20, fanIn: Int = 64,
            syncOutputEarly: Bool = false
        ) {
            self.syncOutputEarly = syncOutputEarly
            self.format = format
            self.byteOrderMark = byteOrderMark
            self.scratchDirectory = scratchDirectory
            self.repeatMemory = repeatMemory
            self.fanIn = fanIn
        }
    }

    /// What a run did, for the one-line summary.
    package struct Summary: Hashable, Sendable {
        /// Records read, not counting fully blank ones.
        package var records = 0
        /// Written with a score for every instrument (complete or prorated).
        package var scored = 0
        /// Written with too many blanks for at least one instrument.
        package var unscored = 0
        /// Not written: bad values, wrong field counts, repeated IDs.
        package var rejected = 0
        /// Of the rejected, those that repeated an earlier student ID.
        package var repeatedIDs = 0
        /// Of the rejected, those whose answers raise a crisis flag: a counselor must look at them today.
        package var rejectedWithCrisis = 0
        /// Fully blank records skipped (the `,,,,` rows Excel leaves below a table).
        package var blankRecords = 0
        /// Flags raised in the rows written (a row with two flags counts two).
        package var flagsRaised = 0
        package var encoding: CSVEncoding = .utf8

        /// Rows in the output.
        package var written: Int { scored + unscored }
    }

    package let layout: PaperResultsLayout
    package let options: Options
    private let reader: CSVReader
    private let scorer: TabulatedScorer

    /// Reads the header of `reader` and maps it onto `instruments`.
    /// - Throws: ``InputError`` for an empty file, header problems, or instruments that cannot be tabulated.
    package init(reader: CSVReader, instruments: [Instrument], options: Options = Options()) throws {
        self.reader = reader
        self.options = options
        guard let header = try reader.nextRecord({ $0.strings }) else {
            throw InputError(at: SourceLocation(file: reader.name, line: 1), "the file is empty: expected a header row")
        }
        let layout = try PaperResultsLayout(header: header, instruments: instruments, file: reader.name)
        let resultNames = Set(ResultColumns(instruments).names)
        let clashes = layout.passthroughColumns.filter { resultNames.contains(header[$0]) }.map { column in
            Diagnostic(
                at: SourceLocation(file: reader.name, line: 1),
                "column \(column + 1) '\(header[column])' has the name of a score column that score writes; rename or remove it")
        }
        if !clashes.isEmpty { throw InputError(clashes) }
        self.layout = layout
        scorer = try TabulatedScorer(instruments)
    }

    /// Whether ``run(output:outputName:problems:progress:)`` needs a regular file to write to (it may have to
    /// remove rows of repeated IDs at the end): the input has a student_id column.
    package var needsSeekableOutput: Bool { layout.studentIDColumn != nil }

    /// Streams every record into `output` and `problems`; returns the summary. The output is flushed but not
    /// committed or closed.
    /// - Parameter progress: called now and then with (records so far including blank ones, input bytes read).
    package func run(
        output descriptor: Int32, outputName: String, problems: ProblemSpool, progress: ((Int, Int) -> Void)? = nil
    ) throws -> Summary {
        var summary = Summary()
        let writer = ScoredRowWriter(
            fileDescriptor: descriptor, name: outputName, format: options.format, byteOrderMark: options.byteOrderMark,
            layout: layout, scorer: scorer, inputDelimiter: reader.delimiter.byte)
        // The kernel's copy of the output (a tenth of the work) is done by a third thread, which also starts
        // putting the output on disk as it goes when the file will be committed with fsync.
        writer.output.writeInBackground(startingWritebackEvery: options.syncOutputEarly ? 8 << 20 : nil)
        try writer.writeHeader(layout)
        let answerReader = AnswerReader(layout: layout)
        let answers = UnsafeMutablePointer<Int32>.allocate(capacity: max(scorer.itemCount, 1))
        let row = scorer.makeRow()
        defer {
            answers.deallocate()
            scorer.deallocate(row)
        }
        let idColumn = layout.studentIDColumn ?? 0
        let output = writer.output
        let finder = try layout.studentIDColumn.map { _ in
            BackgroundRepeatFinder(
                try RepeatedIDFinder(directory: options.scratchDirectory, memory: options.repeatMemory, fanIn: options.fanIn))
        }
        var finished = false
        defer { if !finished { finder?.cancel() } }
        // `finder` keeps it alive; this unretained reference only spares the loop a retain and release per record.
        let repeatSink = finder.map { Unmanaged.passUnretained($0) }
        let instrumentCount = scorer.instruments.count
        let crisisMasks = scorer.instruments.map { instrument in
            instrument.flags.enumerated().reduce(UInt32(0)) { $0 | ($1.element.kind == .crisis ? 1 << UInt32($1.offset) : 0) }
        }
        var slowAnswers = layout.emptyAnswers()
        var found: [PaperResultsLayout.Problem] = []
        var seen = 0

        // One plain loop with local references: no closure and no reference counting per record.
        while let record = try reader.next() {
            seen &+= 1
            if seen & 0xFFFF == 0 { progress?(seen, reader.bytesRead) }
            if record.isBlank(at: 0) && Self.isBlank(record) {
                summary.blankRecords += 1
                continue
            }
            summary.records += 1
            guard answerReader.read(record, into: answers) else {
                found.removeAll(keepingCapacity: true)
                layout.parse(record, into: &slowAnswers, problems: &found)
                precondition(!found.isEmpty, "line \(record.line): the fast and the slow reader disagree")
                for problem in found { try problems.add(problem) }
                summary.rejected += 1
                if found.contains(where: PaperResultsLayout.isCrisisNote) { summary.rejectedWithCrisis += 1 }
                continue
            }
            scorer.score(answers, into: row)
            let start = output.position
            try writer.write(record, row)
            var flags = 0
            var unscored = false
            var crisis = false
            for instrument in 0..<instrumentCount {
                flags &+= row.flagMasks[instrument].nonzeroBitCount
                unscored = unscored || row.statuses[instrument] == 2
                crisis = crisis || row.flagMasks[instrument] & crisisMasks[instrument] != 0
            }
            summary.flagsRaised &+= flags
            if unscored { summary.unscored += 1 } else { summary.scored += 1 }
            if let repeatSink {
                let tag = UInt32(flags << 2) | (crisis ? 2 : 0) | (unscored ? 1 : 0)
                try repeatSink._withUnsafeGuaranteedRef {
                    try $0.add(
                        record.bytes(at: idColumn), line: record.line, outputOffset: start,
                        outputLength: output.position &- start, tag: tag)
                }
            }
        }
        progress?(seen, reader.bytesRead)
        try writer.flush()
        summary.encoding = reader.encoding
        if let background = finder {
            finished = true
            // Start putting the output on disk while the IDs are merged: the commit's fsync then has little left to do.
            let finder = try background.finish(meanwhile: { if options.syncOutputEarly { _ = fsync(descriptor) } })
            try removeRepeats(finder, idColumn: idColumn, output: descriptor, outputName: outputName,
                              fileSize: output.position, problems: problems, summary: &summary)
        }
        return summary
    }

    /// Reports every repeated ID and removes its row from the output.
    private func removeRepeats(
        _ finder: RepeatedIDFinder, idColumn: Int, output: Int32, outputName: String, fileSize: Int,
        problems: ProblemSpool, summary: inout Summary
    ) throws {
        var compactor: OutputCompactor?
        try finder.forEachRepeat { repeated in
            if compactor == nil { compactor = OutputCompactor(fileDescriptor: output, name: outputName) }
            try compactor!.remove(offset: repeated.outputOffset, length: repeated.outputLength)
            var reason = "repeats the student_id of line \(repeated.firstLine)"
            if repeated.tag & 2 != 0 {
                summary.rejectedWithCrisis += 1
                reason += "; this sheet raises a crisis flag: compare it with line \(repeated.firstLine) and see the student today"
            }
            try problems.addLate(
                PaperResultsLayout.Problem(
                    line: repeated.line, column: layout.header[idColumn], value: repeated.studentID, reason: reason))
            summary.rejected += 1
            summary.repeatedIDs += 1
            summary.flagsRaised -= Int(repeated.tag >> 2)
            if repeated.tag & 1 != 0 { summary.unscored -= 1 } else { summary.scored -= 1 }
        }
        try compactor?.finish(fileSize: fileSize)
    }

    /// Whether every field is empty or only spaces and tabs.
    private static func isBlank(_ record: CSVRecord) -> Bool {
        for index in 0..<record.count where !record.isBlank(at: index) { return false }
        return true
    }
}
