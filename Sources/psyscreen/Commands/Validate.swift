import ArgumentParser
import PsyScreen

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaire and battery files against the format.",
        discussion: "Exit status 0 when every file is valid, 1 otherwise; problems go to stderr as FILE:LINE:COLUMN: error: MESSAGE.")

    @OptionGroup var instruments: InstrumentOptions

    @Argument(help: "Instrument or battery XML files.")
    var files: [String]

    func run() throws {
        let catalog = try instruments.catalog(quiet: files)
        var failed = false
        for file in files {
            do {
                try catalog.validate(file)
            } catch {
                // Each file's findings, then the next file: the exit status says whether any was invalid.
                failed = true
                printError(error.description)
                continue
            }
            try StandardOutput.line("\(file): valid")
        }
        if failed { throw ExitCode(1) }
    }
}
