import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

@main
struct PsyScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "psyscreen",
        abstract: "Mental-health screening for secondary vocational schools.",
        discussion: """
            Questionnaires are XML files in the instruments directory (see docs/instrument-format.md). \
            Health data about minors: identified outputs are written owner-only; anonymized reports suppress small cells.
            """,
        version: PsyScreenVersion.current,
        subcommands: [
            Validate.self,
            Instruments.self,
            Show.self,
            Template.self,
            Form.self,
            Score.self,
            Roster.self,
            Import.self,
            Coverage.self,
            Unscreened.self,
            Results.self,
            Warnings.self,
            FollowUp.self,
            History.self,
            Audit.self,
            Take.self,
            Report.self,
            Export.self,
            Merge.self,
            Key.self,
            DatabaseCommand.self,
        ]
    )

    /// Parses, checks the outputs of a command that writes files (before any work), runs, and reports a failure
    /// once: the one place where errors are printed. A usage error exits with status 2 (the documented "cannot
    /// run"), not ArgumentParser's 64.
    static func main() {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitWithArgumentParser(error)
        }
        run(command)
    }

    private static func run(_ command: any ParsableCommand) {
        var command = command
        do {
            if let writing = command as? any WritingCommand { try writing.files.check() }
            try command.run()
        } catch {
            // A damaged database explains whatever else went wrong reading it.
            exit(reporting: SQLiteStore.damageFound() ?? error)
        }
    }
}
