import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenPostgres
import PsyScreenStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error that stops a command. Commands only `throw`: the entry point (``PsyScreenCommand/main()``) prints
/// ``errorMessage(in:)`` once on standard error, in the run's language, and exits with ``exitCode`` (2 = cannot
/// run, 1 = ran but some records were not used).
protocol CommandFailure: Error {
    var exitCode: Int32 { get }
    /// Complete lines, each starting with `FILE[:LINE[:COLUMN]]: error:` or `error:` (`错误：` in Chinese).
    func errorMessage(in language: Language) -> String
}

/// A failure found by the command line itself: an option that cannot be used, an unknown battery.
struct CLIError: CommandFailure {
    let message: LocalizedText
    let file: String?
    let exitCode: Int32

    /// `FILE: error: MESSAGE`, or `error: MESSAGE` without a file.
    init(_ message: some Message, file: String? = nil, exitCode: Int32 = 2) {
        self.message = message.localized
        self.file = file
        self.exitCode = exitCode
    }

    func errorMessage(in language: Language) -> String {
        (file.map { "\($0): " } ?? "") + CommonMessage.severity(.error).text(in: language) + message.text(in: language)
    }
}

/// `error: MESSAGE` (or `错误：MESSAGE`) for an error without a place.
private func placeless(_ message: some Message, in language: Language) -> String {
    CommonMessage.severity(.error).text(in: language) + message.text(in: language)
}

// The core's and the store's errors, mapped in this one place. Those with a place already say
// `PLACE: error: …`; those without get `error: …`.

extension InputError: CommandFailure {
    var exitCode: Int32 { 2 }
    func errorMessage(in language: Language) -> String { text(in: language) }
}

extension FileError: CommandFailure {
    var exitCode: Int32 { 2 }
    func errorMessage(in language: Language) -> String {
        let place = path == "-" ? CommonMessage.standardOutput.text(in: language) : path
        return "\(place): " + CommonMessage.severity(.error).text(in: language) + message.text(in: language)
    }
}

extension PostgresFailure: CommandFailure {
    var exitCode: Int32 { 2 }
    func errorMessage(in language: Language) -> String { text(in: language) }
}

extension StoreError: CommandFailure {
    var exitCode: Int32 { 2 }
    func errorMessage(in language: Language) -> String { text(in: language) }
}

extension CohortExchangeError: CommandFailure {
    var exitCode: Int32 { 2 }
    func errorMessage(in language: Language) -> String { text(in: language) }
}

extension PseudonymError: CommandFailure {
    var exitCode: Int32 { 2 }
    func errorMessage(in language: Language) -> String { placeless(self, in: language) }
}

extension DisclosureSettingError: CommandFailure {
    var exitCode: Int32 { 2 }
    func errorMessage(in language: Language) -> String { placeless(self, in: language) }
}

extension ReleaseRefusal: CommandFailure {
    var exitCode: Int32 { 2 }
    func errorMessage(in language: Language) -> String { placeless(message, in: language) }
}

extension CohortReportError: CommandFailure {
    var exitCode: Int32 { 2 }
    func errorMessage(in language: Language) -> String { placeless(self, in: language) }
}

extension PsyScreenCommand {
    /// Prints a failure of `run()` and exits; ArgumentParser's own errors (`ExitCode`, `CleanExit`, a help request
    /// thrown by its help command, a `ValidationError`) keep its handling, with a usage error exiting 2.
    static func exit(reporting error: any Error, in language: Language) -> Never {
        if let failure = error as? any CommandFailure {
            printError(failure.errorMessage(in: language))
            Foundation.exit(failure.exitCode)
        }
        if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            exitWithArgumentParser(error, in: language)
        }
        printError(placeless(CommandMessage.unexpected("\(error)"), in: language))
        Foundation.exit(2)
    }

    /// ArgumentParser's handling (help, version, usage errors), with a usage error exiting 2. Its words are
    /// English (like `--help`); a Chinese reader is told so first.
    static func exitWithArgumentParser(_ error: any Error, in language: Language) -> Never {
        if exitCode(for: error) == .validationFailure {
            if language == .chinese { printError(CommandMessage.usageErrorFollows.chinese) }
            printError(fullMessage(for: error))
            Foundation.exit(2)
        }
        exit(withError: error)
    }
}

/// Writes one line to standard error (a summary, a warning; errors are thrown, not printed).
func printError(_ message: String) {
    let line = message.hasSuffix("\n") ? message : message + "\n"
    var bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
        guard written > 0 else { return }
        offset += written
    }
}

/// Writes a warning line to standard error: `warning: …` (`警告：…`).
func printWarning(_ message: some Message, in language: Language) {
    printError(CommonMessage.severity(.warning).text(in: language) + message.text(in: language))
}
