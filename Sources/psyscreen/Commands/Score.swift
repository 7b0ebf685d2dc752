import ArgumentParser
import PsyScreen

/// `--format` of `score`.
enum ScoreOutputFormat: String, CaseIterable, ExpressibleByArgument {
    case csv
    case jsonl

    var format: ScoredOutputFormat { self == .csv ? .csv : .jsonl }
}

struct Score: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score paper results from a CSV file or an Excel workbook: one output row per input record, in input order.",
        discussion: """
            Item columns are named {instrument}_{item} (phq9_9); every other column is passed through. Records with \
            a value that is not an option, a non-number, a wrong number of fields or a repeated student_id are not \
            written but reported with their line in the input (to --errors FILE as CSV, else stderr); fully blank \
            records are skipped. A form with too many blanks is written with status unscored. Exit status: 0 every \
            record scored, 1 some records rejected, 2 cannot run. See docs/scoring.md.
            """)

    @OptionGroup var instruments: InstrumentOptions
    @OptionGroup var selection: ScoringSelection
    @OptionGroup var table: TableInputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the scored rows here (default: standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Write the rejected records here as CSV (line,column,value,reason) instead of stderr.", valueName: "file"))
    var errors: String?

    @Flag(help: "Write no output at all if any record is rejected.")
    var strict = false

    @Option(help: "csv or jsonl (one JSON object per record).")
    var format: ScoreOutputFormat = .csv

    @Flag(help: "Start the CSV with a byte order mark, so that Excel opens it as UTF-8.")
    var excel = false

    @Argument(help: ArgumentHelp("The paper results: CSV ('-' for standard input) or .xlsx (see --sheet).", valueName: "input"))
    var input: String

    /// Scores and rejected records name students: both owner-only.
    var files: CommandFiles {
        CommandFiles(
            inputs: [input] + selection.instrumentFiles, instruments: instruments.directory,
            outputs: [.init("-o", output, .ownerOnly)] + (errors.map { [.init("--errors", $0, .ownerOnly)] } ?? []))
    }

    func validate() throws {
        if errors == "-" && (output ?? "-") == "-" {
            throw ValidationError("--errors - would mix the report into the rows on standard output; name a file")
        }
        if excel && format == .jsonl { throw ValidationError("--excel applies to CSV output only") }
    }

    func run() throws {
        TemporaryFileCleanup.installSignalHandlers()
        let battery = try selection.resolve(try instruments.catalog())
        let reader = try table.open(input)
        let scratchDirectory = ScoreDestination.scratchDirectory(for: output)
        let job = try BulkScoringJob(
            source: reader, instruments: battery.instruments,
            options: .init(
                format: format.format, byteOrderMark: excel, reading: .init(scratchDirectory: scratchDirectory),
                syncOutputEarly: output != nil && output != "-"))
        // Both files are opened before the first record, so that a bad path stops the run before any work.
        let destination = try ScoreDestination(
            output: output, files: files, buffered: job.needsSeekableOutput || strict, scratchDirectory: scratchDirectory)
        let errorsFile: OutputFile?
        do {
            errorsFile = try errors.map { try files.open($0) }
        } catch {
            destination.discard()
            throw error
        }
        let progress = ProgressBar.forTerminal(label: "scoring", inputPath: input)
        let summary: BulkScoringJob.Summary
        let problems: ProblemSpool
        do {
            problems = try ProblemSpool(directory: scratchDirectory)
            summary = try job.run(
                output: destination.fileDescriptor, outputName: destination.path, problems: problems,
                progress: progress.map { bar in { bar.update(records: $0, bytes: $1) } })
            progress?.finish()
            if strict && summary.rejected > 0 { destination.discard() } else { try destination.commit() }
            try ProblemOutput.write(problems, positions: reader.positions, to: errorsFile, byteOrderMark: excel)
        } catch {
            progress?.finish()
            destination.discard()
            errorsFile?.discard()
            throw error
        }
        printError(summaryLine(summary))
        if summary.rejected > 0 { throw ExitCode(1) }
    }

    private func summaryLine(_ summary: BulkScoringJob.Summary) -> String {
        var text = "\(input == "-" ? "<stdin>" : input): \(summary.records) records (\(summary.encoding)): "
        text += "\(summary.scored) scored, \(summary.unscored) unscored, \(summary.rejected) rejected"
        var details: [String] = []
        if summary.repeatedIDs > 0 { details.append("\(summary.repeatedIDs) repeated student_id") }
        if summary.rejectedWithCrisis > 0 { details.append(CrisisNotice.rejected(summary.rejectedWithCrisis)) }
        if !details.isEmpty { text += " (" + details.joined(separator: "; ") + ")" }
        text += "; \(summary.flagsRaised) flag\(summary.flagsRaised == 1 ? "" : "s") raised"
        if summary.blankRecords > 0 {
            text += "; \(summary.blankRecords) blank record\(summary.blankRecords == 1 ? "" : "s") skipped"
        }
        if strict && summary.rejected > 0 { text += "; nothing written (--strict)" }
        return text
    }
}
