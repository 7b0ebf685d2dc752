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

    /// The loaded catalog; exits with status 2 and every problem on stderr when it cannot be loaded.
    func catalog() throws -> InstrumentCatalog {
        guard let directory = InstrumentDirectory.locate(explicit: directory) else {
            throw failure(
                "cannot find the instruments folder: pass --instruments DIR or set \(InstrumentDirectory.environmentVariable)",
                exitCode: 2)
        }
        do {
            return try InstrumentCatalog.load(directory: directory)
        } catch {
            throw failure(error.description, exitCode: 2)
        }
    }
}
