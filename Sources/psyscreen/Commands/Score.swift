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

    @Option(
        help: ArgumentHelp(
            "Write the rejected records here as CSV (line,column,value,reason) instead of stderr.", valueName: "file"))
    var errors: String?

    @Flag(help: "Write no output at all if any record is rejected.")
    var strict = false

    @Option(help: "csv or jsonl (one JSON object per record).")
    var format: ScoreOutputFormat = .csv

    @Flag(help: "Start the CSV with a byte order mark, so that Excel opens it as UTF-8.")
    var excel = false

    @Argument(help: ArgumentHelp("The paper results: CSV ('-' for standard input) or .xlsx (see --sheet).", valueName: "input"))
    var input: String

    @OptionGroup var lang: LanguageOption

    /// Scores and rejected records name students: both owner-only.
    var files: CommandFiles {
        CommandFiles(
            inputs: [input] + selection.instrumentFiles, instruments: instruments.directory,
            outputs: [.init("-o", output, .ownerOnly)] + (errors.map { [.init("--errors", $0, .ownerOnly)] } ?? []))
    }

    func run(in language: Language) throws {
        if errors == "-" && (output ?? "-") == "-" { throw CLIError(CommandMessage.errorsToStandardOutput) }
        if excel && format == .jsonl { throw CLIError(CommandMessage.excelIsCSVOnly) }
        TemporaryFileCleanup.installSignalHandlers()
        let battery = try selection.resolve(try instruments.catalog(language: language))
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
        let progress = ProgressBar.forTerminal(label: .scoring, language: language, inputPath: input)
        let summary: BulkScoringJob.Summary
        let problems: ProblemSpool
        do {
            problems = try ProblemSpool(directory: scratchDirectory)
            summary = try job.run(
                output: destination.fileDescriptor, outputName: destination.path, problems: problems,
                progress: progress.map { bar in { bar.update(records: $0, bytes: $1) } })
            progress?.finish()
            if strict && summary.rejected > 0 { destination.discard() } else { try destination.commit() }
            try ProblemOutput.write(
                problems, positions: positions(reader, language), to: errorsFile, language: language, byteOrderMark: excel)
        } catch {
            progress?.finish()
            destination.discard()
            errorsFile?.discard()
            throw error
        }
        printError(summaryLine(summary, name: inputName(language)).text(in: language))
        if summary.rejected > 0 { throw ExitCode(1) }
    }

    /// How the input's places are named (standard input by its name in `language`).
    private func positions(_ reader: any RowSource, _ language: Language) -> InputPositions {
        input == "-" ? InputPositions(name: inputName(language)) : reader.positions
    }

    /// The input's name in messages (`<stdin>` for standard input).
    private func inputName(_ language: Language) -> String {
        input == "-" ? CommonMessage.standardInput.text(in: language) : input
    }

    private func summaryLine(_ summary: BulkScoringJob.Summary, name: String) -> ScoreSummary {
        ScoreSummary(
            file: name, records: summary.records, encoding: summary.encoding, scored: summary.scored,
            unscored: summary.unscored, rejected: summary.rejected, repeatedIDs: summary.repeatedIDs,
            rejectedWithCrisis: summary.rejectedWithCrisis, flagsRaised: summary.flagsRaised, blankRecords: summary.blankRecords,
            nothingWritten: strict && summary.rejected > 0)
    }
}
