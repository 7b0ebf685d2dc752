import ArgumentParser
import PsyScreen

struct Validate: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaire and battery files against the format.",
        discussion:
            "Exit status 0 when every file is valid, 1 otherwise; problems go to stderr as FILE:LINE:COLUMN: error: MESSAGE.")

    @OptionGroup var instruments: InstrumentOptions

    @Argument(help: "Instrument or battery XML files.")
    var files: [String]

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        let catalog = try instruments.catalog(quiet: files, language: language)
        var failed = false
        for file in files {
            do {
                try catalog.validate(file)
            } catch {
                // Each file's findings, then the next file: the exit status says whether any was invalid.
                failed = true
                printError(error.text(in: language))
                continue
            }
            try StandardOutput.line(CommandMessage.valid(file).text(in: language))
        }
        if failed { throw ExitCode(1) }
    }
}
