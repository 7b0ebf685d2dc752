import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints `message` (already complete, e.g. `FILE:LINE: error: …`) to stderr and returns the exit code to throw:
/// 2 = cannot run (usage, unreadable input, invalid instrument).
func failure(_ message: String, exitCode: Int32 = 2) -> ExitCode {
    printError(message)
    return ExitCode(exitCode)
}

/// Writes one line to standard error.
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
