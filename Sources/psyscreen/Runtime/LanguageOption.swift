import ArgumentParser
import PsyScreen

/// `--lang`, which every command takes. The entry point turns it into the run's language once, with the one rule
/// of ``LanguageChoice`` (`--lang`, else `PSYSCREEN_LANG`, else the locale, else English).
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "Language of messages, tables, forms and reports: zh-Hans or en.",
            discussion: "Default: $PSYSCREEN_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG; zh… is Chinese), else en.",
            valueName: "language"))
    var explicit: Language?
}

extension Language: ExpressibleByArgument {
    package init?(argument: String) { self.init(tag: argument) }

    package static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// A psyscreen command: it runs in the language the entry point chose for the whole run, and prints nothing in
/// any other.
protocol LocalizedCommand: ParsableCommand {
    var lang: LanguageOption { get }
    func run(in language: Language) throws
}
