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
            Health data about minors: identified outputs are written owner-only; anonymized reports suppress small cells. \
            Every command speaks zh-Hans or en: --lang, else $PSYSCREEN_LANG, else the locale.
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
            Wave.self,
            Report.self,
            Export.self,
            Merge.self,
            Key.self,
            DatabaseCommand.self,
        ]
    )

    /// Parses, chooses the run's language once, checks the outputs of a command that writes files (before any
    /// work), runs, and reports a failure once, in that language: the one place where errors are printed. A
    /// usage error exits with status 2 (the documented "cannot run"), not ArgumentParser's 64.
    static func main() {
        let environment = ProcessInfo.processInfo.environment
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // No command to ask for --lang: read it from the arguments as they are.
            let choice = LanguageChoice(explicit: languageArgument(CommandLine.arguments), environment: environment)
            exitWithArgumentParser(error, in: choice.language)
        }
        let choice = LanguageChoice(explicit: (command as? any LocalizedCommand)?.lang.explicit, environment: environment)
        if let ignored = choice.ignoredSetting {
            printWarning(CommandMessage.ignoredLanguageSetting(ignored), in: choice.language)
        }
        run(command, in: choice.language)
    }

    private static func run(_ command: any ParsableCommand, in language: Language) {
        var command = command
        do {
            if let writing = command as? any WritingCommand { try writing.files.check() }
            if let localized = command as? any LocalizedCommand {
                try localized.run(in: language)
            } else {
                try command.run()
            }
        } catch {
            // A damaged database explains whatever else went wrong reading it.
            exit(reporting: SQLiteStore.damageFound() ?? error, in: language)
        }
    }

    /// `--lang X` or `--lang=X` among raw arguments that did not parse.
    static func languageArgument(_ arguments: [String]) -> Language? {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang=") { return Language(tag: String(argument.dropFirst(7))) }
            if argument == "--lang", index + 1 < arguments.count { return Language(tag: arguments[index + 1]) }
        }
        return nil
    }
}
