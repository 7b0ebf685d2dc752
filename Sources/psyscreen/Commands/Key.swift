import ArgumentParser
import Foundation
import PsyScreen

struct Key: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Manage the secret key behind the pseudonyms of de-identified extracts.",
        subcommands: [KeyInit.self])
}

struct KeyInit: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new 256-bit pseudonym key file (mode 0600); never overwrites one.",
        discussion: """
            Default location: $PSYSCREEN_KEY, else ~/.config/psyscreen/pseudonym.key. Keep it apart from exports \
            and back it up: the same key gives the same pseudonym to the same student in every wave.
            """)

    @Option(help: ArgumentHelp("Where to create the key file.", valueName: "path"))
    var key: String?

    @OptionGroup var lang: LanguageOption

    /// The new key is created exclusively (never over any file); it still may not be the database or its WAL.
    var files: CommandFiles {
        CommandFiles(protectingKey: false, outputs: [.init("--key", KeyLocation.resolve(key), .ownerOnly)])
    }

    func run(in language: Language) throws {
        let path = KeyLocation.resolve(key)
        guard path != "-" else { throw CLIError(CommandMessage.keyIsAFile) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw CLIError(CommandMessage.cannotCreateFolder(directory, reason: error.localizedDescription))
            }
        }
        _ = try PseudonymKey.create(at: URL(fileURLWithPath: path))
        try StandardOutput.line(CommandMessage.keyCreated(path).text(in: language))
    }
}

/// Where the pseudonym key lives.
enum KeyLocation {
    /// `--key`, else `$PSYSCREEN_KEY`, else `~/.config/psyscreen/pseudonym.key`.
    static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let path = environment["PSYSCREEN_KEY"], !path.isEmpty { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/psyscreen/pseudonym.key"
    }

    /// Whether two paths name files in the same directory.
    static func sameDirectory(_ a: String, _ b: String) -> Bool {
        func directory(_ path: String) -> String {
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            return (URL(fileURLWithPath: absolute).deletingLastPathComponent().resolvingSymlinksInPath().path)
        }
        return directory(a) == directory(b)
    }
}
