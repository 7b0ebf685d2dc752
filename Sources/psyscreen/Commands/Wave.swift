import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Wave: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wave",
        abstract: "Close a wave for release, or open it again.",
        discussion: """
            Anonymized reports and exports come from a closed wave: `report` and `export` refuse an open one (or \
            write an owner-only draft with --draft). Closing a wave again after new results is allowed only when the \
            students who changed are safe to publish as a unit of their own: no unit shown holds 1 to k − 1 of them. \
            Both are recorded in the audit trail. See docs/report.md.
            """,
        subcommands: [WaveClose.self, WaveOpen.self])
}

struct WaveClose: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a wave: its anonymized outputs may be released.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var instruments: InstrumentOptions

    @Argument(help: "The wave, e.g. 2026-autumn.")
    var wave: String

    @Option(
        name: .customLong("min-cell"), help: "k of the wave's disclosure pattern and of the check of what changed (at least 5).")
    var minCell: Int = MinimumCellSize.standard.k

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        let threshold = try MinimumCellSize(minCell)
        let catalog = try instruments.catalog(language: language)
        let store = try database.openForWriting()
        // The one pattern every output of the closed wave shows a subset of: decided and proved now.
        let cohort = try store.cohort(wave: wave, catalog: catalog)
        if try ReleaseGate.standsClosed(store, cohort, threshold: threshold) {
            try StandardOutput.line(CommandMessage.waveAlreadyClosed(wave: wave, k: threshold.k).text(in: language))
            return
        }
        let release = try CohortReportBuilder.release(cohort.tables, threshold: threshold, policy: cohort.policy)
        let (pattern, audit) = (release.pattern, release.report)
        for line in AuditMessage.lines(audit, threshold: threshold) { printError(line.text(in: language)) }
        let handedBack = release.handedBackCounts.count + release.handedBackDistributions.count
        if handedBack > 0 { printError(CommandMessage.auditHandedBack(figures: handedBack).text(in: language)) }
        guard audit.passed else { throw CLIError(CommandMessage.auditFailedWaveStaysOpen, exitCode: 1) }
        let closed = try store.closeWave(wave, threshold: threshold, pattern: pattern.encoded(columns: cohort.tables.columns))
        try StandardOutput.line(
            CommandMessage.waveClosed(wave: wave, students: closed.students, changed: closed.changed).text(in: language))
    }
}

struct WaveOpen: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open a closed wave again (nothing anonymized is released until it is closed).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The wave, e.g. 2026-autumn.")
    var wave: String

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        let store = try database.openForWriting()
        try store.openWave(wave)
        try StandardOutput.line(CommandMessage.waveOpened(wave).text(in: language))
    }
}
