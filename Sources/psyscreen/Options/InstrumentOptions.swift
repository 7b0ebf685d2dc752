import ArgumentParser
import PsyScreen

/// `--instruments DIR`, shared by every command that reads questionnaires.
struct InstrumentOptions: ParsableArguments {
    @Option(
        name: .customLong("instruments"),
        help: ArgumentHelp(
            "Folder with psyscreen.xsd and the questionnaire files.",
            discussion: "Default: $PSYSCREEN_INSTRUMENTS, ./instruments, or the instruments folder installed beside the binary.",
            valueName: "dir"))
    var directory: String?

    /// The loaded catalog; throws every problem found when it cannot be loaded.
    func catalog() throws -> InstrumentCatalog {
        guard let directory = InstrumentDirectory.locate(explicit: directory) else {
            throw CLIError(CommandMessage.noInstrumentsFolder(variable: InstrumentDirectory.environmentVariable))
        }
        return try InstrumentCatalog.load(directory: directory)
    }
}
