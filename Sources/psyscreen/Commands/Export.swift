import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

struct Export: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a wave's anonymous aggregates for the education bureau, or a de-identified research extract.",
        discussion: """
            Without --deidentified: counts and sums per school and grade (and their gender and major groups), \
            versioned JSON that `psyscreen merge` combines across schools. No individual records, names or IDs.

            With --deidentified: one CSV row per screened student under an HMAC-SHA256 pseudonym of the student ID \
            (key from `psyscreen key init`), with school, grade, gender, scores, bands and level; made k-anonymous \
            on school, grade and gender. Both files are written owner-only (mode 0600).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var instruments: InstrumentOptions

    @Option(help: "The wave, e.g. 2026-autumn.")
    var wave: String

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    @Flag(help: "Write the de-identified per-student extract instead of aggregates.")
    var deidentified = false

    @Option(help: ArgumentHelp("The pseudonym key file (with --deidentified).", valueName: "path"))
    var key: String?

    @Flag(help: "For an open wave: write an owner-only draft (an exchange file marked draft is never merged).")
    var draft = false

    @Option(name: .customLong("min-cell"), help: "k: the minimum cell size (aggregates) or group size (extract), at least 5.")
    var minCell: Int = MinimumCellSize.standard.k

    @OptionGroup var lang: LanguageOption

    /// Both files are owner-only; the key is never replaced.
    /// With --deidentified also the key's extract history (``ExtractHistory``), beside the key.
    var files: CommandFiles {
        var outputs: [CommandFiles.Output] = [.init("-o", output, .ownerOnly)]
        if deidentified { outputs.append(.init("--key", ExtractHistory.path(forKey: KeyLocation.resolve(key)), .ownerOnly)) }
        return CommandFiles(database: database.resolvedPath, key: key, instruments: instruments.directory, outputs: outputs)
    }

    func run(in language: Language) throws {
        let threshold = try MinimumCellSize(minCell)
        if deidentified {
            try exportDeidentified(threshold: threshold, language: language)
        } else {
            if key != nil { throw CLIError(CommandMessage.keyOnlyWithDeidentified) }
            try exportAggregates(threshold: threshold, language: language)
        }
    }

    private func exportAggregates(threshold: MinimumCellSize, language: Language) throws {
        ProcessMemory.oneHeap()
        let catalog = try instruments.catalog(language: language)
        let store = try database.openForReading(scope: .release)
        let (cohort, readAhead) = try ReleaseGate.cohort(
            store, wave: wave, catalog: catalog, threshold: threshold, draft: draft, auditing: true)
        let isDraft = try ReleaseGate.check(cohort, draft: draft)
        var stamp = cohort.stamp(threshold: threshold)
        if isDraft { stamp.draft = true }
        let pattern = try ReleaseGate.pattern(store, cohort, threshold: threshold, draft: isDraft, readAhead: readAhead)
        // An exchange file is a publication: the same audit as `report --audit`, always.
        let audit = DisclosureAudit(threshold: threshold, policy: cohort.policy).audit(cohort.tables, pattern: pattern)
        guard audit.passed else {
            for line in AuditMessage.lines(audit, threshold: threshold) { printError(line.text(in: language)) }
            throw CLIError(CommandMessage.auditFailedNothingWritten, exitCode: 1)
        }
        let exchange = try CohortExchange.export(cohort.tables, stamp: stamp, pattern: pattern, isDraft: isDraft)
        try files.write(exchange.encoded(), to: output)
    }

    private func exportDeidentified(threshold: MinimumCellSize, language: Language) throws {
        let keyPath = KeyLocation.resolve(key)
        guard output != "-" else { throw CLIError(CommandMessage.extractToFile) }
        if KeyLocation.sameDirectory(keyPath, output) { throw CLIError(CommandMessage.extractBesideKey(keyPath)) }
        let pseudonyms: PseudonymKey
        do {
            pseudonyms = try PseudonymKey.load(from: URL(fileURLWithPath: keyPath))
        } catch .keyFileMissing {
            throw CLIError(CommandMessage.noKey(keyPath))
        }
        let catalog = try instruments.catalog(language: language)
        let store = try database.openForReading()
        let cohort = try store.cohort(wave: wave, catalog: catalog)
        _ = try ReleaseGate.check(cohort, draft: draft)
        let rows = try store.deidentifiedRows(wave: wave, columns: cohort.tables.columns, key: pseudonyms)
        let historyPath = ExtractHistory.path(forKey: keyPath)
        var history = try ExtractHistory.load(from: historyPath)
        let extract = DeidentifiedExtract.render(rows, columns: cohort.tables.columns, threshold: threshold, history: history)
        // The history first: an extract on disk is always one the next extract knows about.
        history.record(extract.published, wave: wave)
        try files.write(history.text, to: historyPath)
        try files.write(extract.csv, to: output)
        printError(CommandMessage.kAnonymity(k: threshold.k, extract.summary).text(in: language))
    }
}
