import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

struct Report: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Anonymized cohort statistics of a wave: coverage, bands, warning levels, mean, SD, median, alpha.",
        discussion: """
            Counts below k (default 10) and counts that would let a reader compute them are shown as "—"; a unit \
            with fewer than k students enrolled shows only its enrolment. No names, IDs or individual results. \
            See docs/report.md.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var instruments: InstrumentOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var lang: LanguageOption

    @Option(help: "The wave, e.g. 2026-autumn.")
    var wave: String

    @Option(
        help: ArgumentHelp(
            "Breakdowns to show, comma-separated: school, grade, class, gender, major (default: all of them).",
            valueName: "list"))
    var by: String?

    @Flag(help: "For an open wave: write an owner-only draft, marked as such on every page.")
    var draft = false

    @Flag(help: "Prove the wave's suppression: every hidden count's interval from everything published; prints the narrowest.")
    var audit = false

    /// A draft is owner-only.
    var files: CommandFiles {
        CommandFiles(
            database: database.resolvedPath, instruments: instruments.directory,
            outputs: [.init("-o", options.output, draft ? .ownerOnly : .shareable)])
    }

    func run(in language: Language) throws {
        ProcessMemory.oneHeap()
        let threshold = try options.threshold()
        let scope = try by.map { try CohortReportScope(parsing: $0) } ?? .full
        let catalog = try instruments.catalog(language: language)
        let store = try database.openForReading(scope: .release)
        let (cohort, readAhead) = try ReleaseGate.cohort(
            store, wave: wave, catalog: catalog, threshold: threshold, draft: draft, auditing: audit)
        let isDraft = try ReleaseGate.check(cohort, draft: draft)
        var stamp = cohort.stamp(threshold: threshold)
        if isDraft { stamp.draft = true }
        let pattern = try ReleaseGate.pattern(store, cohort, threshold: threshold, draft: isDraft, readAhead: readAhead)
        let built = try CohortReportBuilder(threshold: threshold, scope: scope, policy: cohort.policy)
            .build(cohort.tables, stamp: stamp, pattern: pattern)
        if audit {
            let result = DisclosureAudit(threshold: threshold, policy: cohort.policy).audit(cohort.tables, pattern: pattern)
            for line in AuditMessage.lines(result, threshold: threshold) { printError(line.text(in: language)) }
            guard result.passed else {
                throw CLIError(CommandMessage.auditFailedNothingWritten, exitCode: 1)
            }
        }
        try options.write(built.report, files: files, language: language)
    }
}
