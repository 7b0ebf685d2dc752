#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scores a paper-results file record by record into a CSV or JSON-lines output: the engine of
/// `psyscreen score`. No terminal, no file names chosen here: the caller opens the input, provides the output
/// descriptor and decides what to do with the result (commit, discard with `--strict`, copy to stdout).
///
/// 1. ``init(source:instruments:options:)`` reads the header (``PaperResultsReader``) and reports every header
///    problem at once (unknown or missing item column) before any record is read.
/// 2. ``run(output:outputName:problems:progress:)`` streams the records: a blank record is skipped and counted;
///    a rejected one goes to `problems` with its physical line; every sheet is scored and written in input order.
///    Memory stays flat: nothing is kept per record except on disk.
/// 3. Then the sheets that repeat an earlier student ID (found by the reader) are reported and their rows
///    removed from the output in place (so the output must then be a regular file: see
///    ``needsSeekableOutput``).
package final class BulkScoringJob {
    package struct Options: Sendable {
        package var format: ScoredOutputFormat
        /// Start a CSV output with a UTF-8 byte order mark, for Excel.
        package var byteOrderMark: Bool
        /// Where scratch files go, and how much memory the repeated-ID check may use.
        package var reading: PaperResultsReader.Options
        /// The output is a file that will be committed with `fsync`: start that while repeats are searched for.
        package var syncOutputEarly: Bool

        package init(
            format: ScoredOutputFormat = .csv, byteOrderMark: Bool = false,
            reading: PaperResultsReader.Options = .init(), syncOutputEarly: Bool = false
        ) {
            self.syncOutputEarly = syncOutputEarly
            self.format = format
            self.byteOrderMark = byteOrderMark
            self.reading = reading
        }
    }

    /// What a run did, for the one-line summary.
    package struct Summary: Hashable, Sendable {
        /// Records read, not counting blank ones.
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
        /// Blank records skipped (the `,,,,` rows Excel leaves below a table).
        package var blankRecords = 0
        /// Flags raised in the rows written (a row with two flags counts two).
        package var flagsRaised = 0
        package var encoding = LocalizedText(english: "UTF-8", chinese: "UTF-8")

        /// Rows in the output.
        package var written: Int { scored + unscored }
    }

    package let options: Options
    private let reader: PaperResultsReader
    private let scorer: TabulatedScorer

    package var layout: PaperResultsLayout { reader.layout }

    /// Reads the header of `source` and maps it onto `instruments`.
    /// - Throws: ``InputError`` for an empty file, header problems, or instruments that cannot be tabulated.
    package init(source: any RowSource, instruments: [Instrument], options: Options = Options()) throws {
        self.options = options
        reader = try PaperResultsReader(source: source, instruments: instruments, options: options.reading)
        let header = reader.layout.header
        let resultNames = Set(ResultColumns(instruments).names)
        let clashes = reader.layout.passthroughColumns.filter { resultNames.contains(header[$0]) }.map { column in
            Diagnostic(
                at: SourceLocation(file: source.name, line: 1, column: column + 1),
                RecordMessage.scoreColumnName(column: column + 1, name: InputExcerpt.quote(header[column])))
        }
        if !clashes.isEmpty { throw InputError(clashes) }
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
        let source = reader.source
        let writer = ScoredRowWriter(
            fileDescriptor: descriptor, name: outputName, format: options.format, byteOrderMark: options.byteOrderMark,
            layout: layout, scorer: scorer, inputDelimiter: (source as? CSVReader)?.delimiter.byte)
        // The kernel's copy of the output (a tenth of the work) is done by a third thread, which also starts
        // putting the output on disk as it goes when the file will be committed with fsync.
        writer.output.writeInBackground(startingWritebackEvery: options.syncOutputEarly ? 8 << 20 : nil)
        try writer.writeHeader(layout)
        let row = scorer.makeRow()
        let output = writer.output

        while let (kind, record) = try reader.next() {
            if reader.recordsRead & 0xFFFF == 0 { progress?(reader.recordsRead, source.bytesRead) }
            switch kind {
            case .blank:
                summary.blankRecords += 1
                continue
            case .rejected:
                summary.records += 1
                summary.rejected += 1
                for problem in reader.problems { try problems.add(problem) }
                if reader.problems.contains(where: { $0.kind == .crisis }) { summary.rejectedWithCrisis += 1 }
                continue
            case .sheet:
                summary.records += 1
            }
            scorer.score(reader.answers, into: row)
            let start = output.position
            try writer.write(record, row)
            let flags = row.flagCount
            let unscored = row.isUnscored
            summary.flagsRaised &+= flags
            if unscored { summary.unscored += 1 } else { summary.scored += 1 }
            try reader.rememberStudentID(
                record, .init(offset: start, length: output.position &- start, tag: UInt32(flags << 1) | (unscored ? 1 : 0)))
        }
        progress?(reader.recordsRead, source.bytesRead)
        try writer.flush()
        summary.encoding = source.encodingName
        // Start putting the output on disk while the IDs are merged: the commit's fsync then has little left to do.
        var compactor: OutputCompactor?
        try reader.forEachRepeat(meanwhile: { if options.syncOutputEarly { _ = fsync(descriptor) } }) { repeated in
            if compactor == nil { compactor = OutputCompactor(fileDescriptor: descriptor, name: outputName) }
            try compactor!.remove(offset: repeated.payload.offset, length: repeated.payload.length)
            try problems.addLate(repeated.problem)
            summary.rejected += 1
            summary.repeatedIDs += 1
            if repeated.raisesCrisis { summary.rejectedWithCrisis += 1 }
            summary.flagsRaised -= Int(repeated.payload.tag >> 1)
            if repeated.payload.tag & 1 != 0 { summary.unscored -= 1 } else { summary.scored -= 1 }
        }
        try compactor?.finish(fileSize: output.position)
        return summary
    }
}
