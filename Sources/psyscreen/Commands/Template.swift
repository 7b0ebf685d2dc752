import ArgumentParser
import PsyScreen

struct Template: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an empty CSV with the header that score and import read, for keying in paper forms.",
        discussion: "The columns are student_id, name, class, then {instrument}_{item} for every item, in order.")

    @OptionGroup var instruments: InstrumentOptions
    @OptionGroup var selection: ScoringSelection

    @Option(name: .shortAndLong, help: ArgumentHelp("Write it here (default: standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Start the CSV with a byte order mark, so that Excel opens it as UTF-8.")
    var excel = false

    @OptionGroup var lang: LanguageOption

    /// A header only: no one's data.
    var files: CommandFiles {
        CommandFiles(inputs: selection.instrumentFiles, instruments: instruments.directory, outputs: [.init("-o", output, .shareable)])
    }

    func run(in language: Language) throws {
        let battery = try selection.resolve(try instruments.catalog(language: language))
        try files.writeCSV([ResultColumns(battery.instruments).templateHeader], to: output, excel: excel)
    }
}
