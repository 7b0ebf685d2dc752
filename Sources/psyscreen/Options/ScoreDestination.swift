import ArgumentParser
import PsyScreen

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `score` writes its rows: a file (atomically: a temporary file renamed at the end) or standard output.
///
/// Rows of repeated student IDs are removed at the end, and `--strict` must be able to write nothing at all, so
/// standard output is buffered through a nameless scratch file unless neither can happen (no student_id column,
/// no `--strict`): then rows stream straight out.
final class ScoreDestination {
    let path: String
    /// The descriptor the rows go to.
    let fileDescriptor: Int32
    private let file: AtomicFileWriter?
    private let scratch: ScratchFile?

    /// The folder for scratch files: beside the output (so a small RAM-backed /tmp is not filled), else $TMPDIR.
    static func scratchDirectory(for output: String?) -> String {
        guard let output, output != "-" else { return ScratchFile.defaultDirectory }
        guard let slash = output.lastIndex(of: "/") else { return "." }
        let directory = String(output[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// Opens the destination; exits with status 2 when it cannot.
    init(output: String?, input: String, buffered: Bool, scratchDirectory: String) throws {
        path = output ?? "-"
        do {
            if path == "-" {
                file = nil
                if buffered {
                    let scratch = try ScratchFile(directory: scratchDirectory)
                    self.scratch = scratch
                    fileDescriptor = scratch.fileDescriptor
                } else {
                    scratch = nil
                    fileDescriptor = STDOUT_FILENO
                }
            } else {
                // Scores of named students: owner-only, like every identified output.
                let file = try AtomicFileWriter(path: path, mode: 0o600, inputs: [input])
                self.file = file
                scratch = nil
                fileDescriptor = file.fileDescriptor
            }
        } catch {
            throw failure("\(error)")
        }
    }

    /// Makes the written rows the output: renames the file into place, or copies the buffer to stdout.
    func commit() throws {
        if let file { try file.commit() }
        if let scratch { try Self.copyToStandardOutput(scratch.fileDescriptor) }
    }

    /// Writes nothing: removes the temporary file (a buffer has no name and goes away by itself).
    func discard() { file?.discard() }

    private static func copyToStandardOutput(_ source: Int32) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(source, $0.baseAddress!, $0.count, off_t(offset)) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw FileError.system("temporary file", "cannot read back") }
            if count == 0 { return }
            var written = 0
            while written < count {
                let result = buffer.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + written, count - written) }
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { throw FileError.system("-", "cannot write to standard output") }
                written += result
            }
            offset += count
        }
    }
}
