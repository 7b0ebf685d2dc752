import ArgumentParser
import Foundation
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

    /// The loaded catalog; throws every problem found when it cannot be loaded. A file with errors gets a one-line
    /// warning (none for the files in `quiet`, which the command reports itself); the command fails only if it
    /// needs that file.
    func catalog(quiet: [String] = [], language: Language) throws -> InstrumentCatalog {
        guard let directory = InstrumentDirectory.locate(explicit: directory) else {
            throw CLIError(CommandMessage.noInstrumentsFolder(variable: InstrumentDirectory.environmentVariable))
        }
        let catalog = try InstrumentCatalog.load(directory: directory)
        let quietPaths = Set(quiet.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        for problem in catalog.problems where !quietPaths.contains(URL(fileURLWithPath: problem.file).standardizedFileURL.path) {
            printError(problem.warning.text(in: language))
        }
        return catalog
    }
}
