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

struct WaveClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a wave: its anonymized outputs may be released.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var instruments: InstrumentOptions

    @Argument(help: "The wave, e.g. 2026-autumn.")
    var wave: String

    @Option(
        name: .customLong("min-cell"), help: "k of the wave's disclosure pattern and of the check of what changed (at least 5).")
    var minCell: Int = MinimumCellSize.standard.k

    func run() throws {
        let threshold = try MinimumCellSize(minCell)
        let catalog = try instruments.catalog()
        let store = try database.openForWriting()
        // The one pattern every output of the closed wave shows a subset of: decided and proved now.
        let cohort = try store.cohort(wave: wave, catalog: catalog)
        let pattern = try CohortReportBuilder.pattern(cohort.tables, threshold: threshold, policy: cohort.policy)
        let audit = DisclosureAudit(threshold: threshold, policy: cohort.policy).audit(cohort.tables, pattern: pattern)
        printError(audit.summary(threshold: threshold))
        guard audit.passed else { throw CLIError("the audit found counts a reader can narrow; the wave stays open", exitCode: 1) }
        let closed = try store.closeWave(wave, threshold: threshold, pattern: pattern.encoded(columns: cohort.tables.columns))
        print("closed wave \(wave): \(closed.students) roster students, \(closed.changed) changed since the last closing")
    }
}

struct WaveOpen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open a closed wave again (nothing anonymized is released until it is closed).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The wave, e.g. 2026-autumn.")
    var wave: String

    func run() throws {
        let store = try database.openForWriting()
        try store.openWave(wave)
        print("opened wave \(wave)")
    }
}

/// The rule every anonymized output of a database goes through: a closed, unchanged wave, or a draft.
enum ReleaseGate {
    /// The pattern an output of `cohort` shows: the one stored when the wave was closed with this k; for a
    /// draft, decided now. A closed wave asked for another k is refused: one pattern per wave and k.
    static func pattern(
        _ store: ScreeningStore, _ cohort: WaveCohort, threshold: MinimumCellSize, draft: Bool
    ) throws -> DisclosurePattern {
        if !draft {
            guard let data = try store.closedPattern(wave: cohort.wave, threshold: threshold) else {
                throw CLIError(
                    "wave '\(cohort.wave)' was not closed with k = \(threshold.k): open it and close it with --min-cell \(threshold.k), or use --draft"
                )
            }
            guard let pattern = DisclosurePattern.decode(data, columns: cohort.tables.columns) else {
                throw CLIError(
                    "wave '\(cohort.wave)' was closed with other instruments or scoring keys: open it and close it again")
            }
            return pattern
        }
        return try CohortReportBuilder.pattern(cohort.tables, threshold: threshold, policy: cohort.policy)
    }

    /// Refuses (exit 2) an open or changed wave unless `draft`; returns whether the output is a draft.
    static func check(_ store: ScreeningStore, wave: String, draft: Bool) throws -> Bool {
        // An unknown wave (a typo) gets the report's own message, with the known waves.
        guard try store.waveExists(wave) else { return draft }
        let state = try store.releaseState(wave: wave)
        switch state {
        case .closed:
            return draft
        case .open where draft, .changedSinceClosing where draft:
            return true
        case .open:
            throw CLIError(
                "wave '\(wave)' is open: close it first (`psyscreen wave close \(wave)`), or write an owner-only draft with --draft"
            )
        case .changedSinceClosing(let students):
            throw CLIError(
                "wave '\(wave)' changed since it was closed (\(students) student(s)): open and close it again (`psyscreen wave open \(wave)`, `psyscreen wave close \(wave)`), or use --draft"
            )
        }
    }
}
