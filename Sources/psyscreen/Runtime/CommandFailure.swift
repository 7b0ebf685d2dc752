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
/// ``errorMessage`` once on standard error and exits with ``exitCode`` (2 = cannot run, 1 = ran but some records
/// were not used).
protocol CommandFailure: Error {
    var exitCode: Int32 { get }
    /// Complete lines, each starting with `FILE[:LINE[:COLUMN]]: error:` or `error:`.
    var errorMessage: String { get }
}

/// A failure found by the command line itself: an option that cannot be used, an unknown battery.
struct CLIError: CommandFailure {
    let errorMessage: String
    let exitCode: Int32

    /// `FILE: error: MESSAGE`, or `error: MESSAGE` without a file.
    init(_ message: String, file: String? = nil, exitCode: Int32 = 2) {
        errorMessage = (file.map { "\($0): " } ?? "") + "error: " + message
        self.exitCode = exitCode
    }
}

// The core's and the store's errors, mapped in this one place. Those with a place already say
// `PLACE: error: …`; those without get `error: …`.

extension InputError: CommandFailure {
    var exitCode: Int32 { 2 }
    var errorMessage: String { description }
}

extension FileError: CommandFailure {
    var exitCode: Int32 { 2 }
    var errorMessage: String { "\(path == "-" ? "<standard output>" : path): error: \(message)" }
}

extension PostgresFailure: CommandFailure {
    var exitCode: Int32 { 2 }
    var errorMessage: String { description }
}

extension StoreError: CommandFailure {
    var exitCode: Int32 { 2 }
    var errorMessage: String { description }
}

extension CohortExchangeError: CommandFailure {
    var exitCode: Int32 { 2 }
    var errorMessage: String { description }
}

extension PseudonymError: CommandFailure {
    var exitCode: Int32 { 2 }
    var errorMessage: String { "error: \(description)" }
}

extension DisclosureSettingError: CommandFailure {
    var exitCode: Int32 { 2 }
    var errorMessage: String { "error: \(description)" }
}

extension CohortReportError: CommandFailure {
    var exitCode: Int32 { 2 }
    var errorMessage: String { "error: \(description)" }
}

extension PsyScreenCommand {
    /// Prints a failure of `run()` and exits; ArgumentParser's own errors (`ExitCode`, `CleanExit`, a help request
    /// thrown by its help command, a `ValidationError`) keep its handling, with a usage error exiting 2.
    static func exit(reporting error: any Error) -> Never {
        if let failure = error as? any CommandFailure {
            printError(failure.errorMessage)
            Foundation.exit(failure.exitCode)
        }
        if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            exitWithArgumentParser(error)
        }
        printError("error: \(error)")
        Foundation.exit(2)
    }

    /// ArgumentParser's handling (help, version, usage errors), with a usage error exiting 2.
    static func exitWithArgumentParser(_ error: any Error) -> Never {
        if exitCode(for: error) == .validationFailure {
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
