import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Import: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Score paper results and store them in a wave (all or nothing).",
        discussion: """
            The input is what `psyscreen score` reads, with a student_id column, read the same way: blank records \
            are skipped, and a record `score` rejects is not stored. Rejected records and students not on the \
            roster are reported (to --errors FILE as CSV, else stderr) and not stored; the rest are. Importing the \
            same file into the same wave again changes nothing. Exit status: 0 all stored (or nothing to do), 1 some \
            records not stored, 2 cannot run.
            """)

    @OptionGroup var instruments: InstrumentOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var selection: ScoringSelection
    @OptionGroup var table: TableInputOptions

    @Option(help: "The screening wave, e.g. 2026-autumn.")
    var wave: String

    @Option(help: "Write the row-level error report here as CSV instead of stderr.")
    var errors: String?

    @Argument(help: "The paper results: CSV or .xlsx (see --sheet).")
    var file: String

    @OptionGroup var lang: LanguageOption

    /// The error report quotes IDs and answers: owner-only.
    var files: CommandFiles {
        CommandFiles(
            inputs: [file] + selection.instrumentFiles, database: database.resolvedPath, instruments: instruments.directory,
            outputs: errors.map { [.init("--errors", $0, .ownerOnly)] } ?? [])
    }

    func run(in language: Language) throws {
        guard file != "-" else { throw CLIError(CommandMessage.importNeedsFile) }
        let battery = try selection.resolve(try instruments.catalog(language: language))
        let scratchDirectory = ScratchFile.defaultDirectory
        let source = try table.open(file)
        let reader = try PaperResultsReader(
            source: source, instruments: battery.instruments,
            options: .init(requireStudentID: true, scratchDirectory: scratchDirectory))
        let problems = try ProblemSpool(directory: scratchDirectory, lateStreams: 2)
        // Two sheets of one workbook are two imports.
        let hash = try FileDigest.sha256(file) + (source.section.map { "!" + $0 } ?? "")
        let errorsFile = try errors.map { try files.open($0) }
        let store = try database.openForWriting()
        let staging: PaperImportStaging
        switch try store.beginPaperImport(wave: wave, battery: battery, path: file, fileHash: hash) {
        case .alreadyImported(let earlier):
            try StandardOutput.line(
                CommandMessage.alreadyImported(file: file, wave: wave, at: Timestamp.string(earlier)).text(in: language))
            return
        case .staging(let started):
            staging = started
        }
        let batch = try PaperSheetBatch.stream(
            reader, problems: problems,
            sheet: { record in
                try staging.add(studentID: reader.studentID(record), line: record.line, answers: reader.answersByInstrument())
            },
            drop: { try staging.drop($0) })
        let summary = try staging.publish()
        if let earlier = summary.alreadyImportedAt {
            // Another psyscreen published the same file while this one read it (PostgreSQL: they wait for each other).
            try StandardOutput.line(
                CommandMessage.alreadyImported(file: file, wave: wave, at: Timestamp.string(earlier)).text(in: language))
            return
        }
        var strangersWithCrisis = 0
        for stranger in summary.strangers {
            let crisis = stranger.raisesCrisis
            if crisis { strangersWithCrisis += 1 }
            try problems.addLate(
                RecordProblem(
                    crisis ? .crisis : .rejection, line: stranger.line, field: batch.studentIDField,
                    column: batch.studentIDHeader,
                    value: stranger.studentID, reason: .notOnRoster(raisesCrisis: crisis)),
                stream: 2)
        }
        try ProblemOutput.write(problems, positions: source.positions, to: errorsFile, language: language)
        let line = ImportSummary(
            file: file, records: batch.records, encoding: batch.encoding, stored: summary.stored, wave: wave,
            levels: [WarningLevel.red, .orange, .yellow].map { summary.levels[$0] ?? 0 }, rejected: batch.rejected,
            notOnRoster: summary.strangers.count, blankRecords: batch.blankRecords,
            unstoredCrisis: batch.rejectedWithCrisis + strangersWithCrisis)
        printError(line.text(in: language))
        if batch.rejected > 0 || !summary.strangers.isEmpty { throw ExitCode(1) }
    }
}
