#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file that could not be opened, read, written or replaced, as the operating system reported it.
///
/// Unlike ``InputError`` it has no line: the problem is with the file as a whole (missing, unreadable, disk full).
package struct FileError: Error, Sendable, CustomStringConvertible {
    /// The path as the user gave it (`-` for standard input or output).
    package var path: String
    /// What went wrong, e.g. `cannot open for reading: No such file or directory`.
    package var message: LocalizedText
    /// The `errno` value, when the problem came from a system call.
    package var code: Int32?

    package init(path: String, _ message: FileMessage, code: Int32? = nil) {
        self.path = path
        self.message = message.localized
        self.code = code
    }

    /// Builds the error from the current `errno`, e.g. `FileError.system(path, .openForReading)`.
    package static func system(_ path: String, _ action: FileAction, errno code: Int32 = errno) -> FileError {
        FileError(path: path, .failed(action, SystemError(code)), code: code)
    }

    package var description: String { "\(path): \(message.english)" }
}
