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

    @Argument(help: "The wave, e.g. 2026-autumn.")
    var wave: String

    @Option(name: .customLong("min-cell"), help: "k for the check of what changed since the last closing (at least 5).")
    var minCell: Int = MinimumCellSize.standard.k

    func run() throws {
        let threshold: MinimumCellSize
        do { threshold = try MinimumCellSize(minCell) } catch { throw failure("error: \(error)") }
        let store = try database.open()
        do {
            let closed = try store.closeWave(wave, threshold: threshold)
            print("closed wave \(wave): \(closed.students) roster students, \(closed.changed) changed since the last closing")
        } catch {
            throw failure("\(error)")
        }
    }
}

struct WaveOpen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open a closed wave again (nothing anonymized is released until it is closed).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The wave, e.g. 2026-autumn.")
    var wave: String

    func run() throws {
        let store = try database.open()
        do {
            try store.openWave(wave)
            print("opened wave \(wave)")
        } catch {
            throw failure("\(error)")
        }
    }
}

/// The rule every anonymized output of a database goes through: a closed, unchanged wave, or a draft.
enum ReleaseGate {
    /// Refuses (exit 2) an open or changed wave unless `draft`; returns whether the output is a draft.
    static func check(_ store: ScreeningStore, wave: String, draft: Bool) throws -> Bool {
        let state: WaveReleaseState
        do {
            // An unknown wave (a typo) gets the report's own message, with the known waves.
            guard try store.waveExists(wave) else { return draft }
            state = try store.releaseState(wave: wave)
        } catch {
            throw failure("\(error)")
        }
        switch state {
        case .closed:
            return draft
        case .open where draft, .changedSinceClosing where draft:
            return true
        case .open:
            throw failure("error: wave '\(wave)' is open: close it first (`psyscreen wave close \(wave)`), or write an owner-only draft with --draft")
        case .changedSinceClosing(let students):
            throw failure("error: wave '\(wave)' changed since it was closed (\(students) student(s)): open and close it again (`psyscreen wave open \(wave)`, `psyscreen wave close \(wave)`), or use --draft")
        }
    }
}
