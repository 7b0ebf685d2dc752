import ArgumentParser
import Foundation
import PsyScreen

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
        ]
    )

    /// Like ArgumentParser's, but a usage error exits with status 2 (the documented "cannot run"), not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
