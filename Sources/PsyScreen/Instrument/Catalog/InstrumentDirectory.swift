import Foundation

/// Finds the instruments directory (the folder holding `psyscreen.xsd` and the shipped XML files).
package enum InstrumentDirectory {
    package static let environmentVariable = "PSYSCREEN_INSTRUMENTS"

    /// In order: an explicit `--instruments DIR`; `$PSYSCREEN_INSTRUMENTS`; `./instruments` (running from the
    /// repository root); `<prefix>/share/psyscreen/instruments` beside an installed `<prefix>/bin/psyscreen`; an
    /// `instruments/` folder in a parent of the executable (a build inside the repository, `.build/release`).
    package static func locate(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String = CommandLine.arguments.first ?? ""
    ) -> String? {
        if let explicit { return explicit }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        var candidates = [(currentDirectory as NSString).appendingPathComponent("instruments")]
        let executable = URL(fileURLWithPath: executablePath, relativeTo: URL(fileURLWithPath: currentDirectory))
            .resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/psyscreen/instruments").path)
        while folder.path != "/" && !folder.path.isEmpty {
            candidates.append(folder.appendingPathComponent("instruments").path)
            folder = folder.deletingLastPathComponent()
        }
        return candidates.first {
            FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(InstrumentLoader.schemaFileName))
        }
    }
}
