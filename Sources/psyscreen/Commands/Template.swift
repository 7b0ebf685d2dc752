import ArgumentParser
import PsyScreen

struct Template: ParsableCommand {
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

    func run() throws {
        let battery = try selection.resolve(try instruments.catalog())
        try OutputFile.writeCSV([ResultColumns(battery.instruments).templateHeader], to: output, excel: excel)
    }
}
