import ArgumentParser
import PsyScreen

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `score` writes its rows: a file (atomically: a temporary file renamed at the end), standard output, or a
/// device or pipe written in place.
///
/// Rows of repeated student IDs are removed at the end, and `--strict` must be able to write nothing at all, so
/// standard output, a pipe or a device is buffered through a nameless scratch file unless neither can happen (no
/// student_id column, no `--strict`): then rows stream straight out.
final class ScoreDestination {
    let path: String
    /// The descriptor the rows go to.
    let fileDescriptor: Int32
    private let file: OutputFile
    private let scratch: ScratchFile?

    /// The folder for scratch files: beside an output file (so a small RAM-backed /tmp is not filled), else
    /// $TMPDIR (standard output, and a device or pipe, whose folder may be /dev).
    static func scratchDirectory(for output: String?) -> String {
        guard let output, output != "-" else { return ScratchFile.defaultDirectory }
        var info = stat()
        if stat(output, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG { return ScratchFile.defaultDirectory }
        guard let slash = output.lastIndex(of: "/") else { return "." }
        let directory = String(output[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// Opens the destination (`-o`, declared in `files`).
    init(output: String?, files: CommandFiles, buffered: Bool, scratchDirectory: String) throws {
        path = output ?? "-"
        let file = try files.open(path)
        self.file = file
        // Standard output, a pipe or a device cannot be rewound: buffer the rows when they may have to be.
        if buffered && file.kind != .replacement {
            let scratch = try ScratchFile(directory: scratchDirectory)
            self.scratch = scratch
            fileDescriptor = scratch.fileDescriptor
        } else {
            scratch = nil
            fileDescriptor = file.fileDescriptor
        }
    }

    /// Makes the written rows the output: renames the file into place, or copies the buffer out.
    func commit() throws {
        if let scratch { try Self.copy(scratch.fileDescriptor, to: file.fileDescriptor, name: file.path) }
        try file.commit()
    }

    /// Writes nothing: removes the temporary file (a buffer has no name and goes away by itself).
    func discard() { file.discard() }

    private static func copy(_ source: Int32, to target: Int32, name: String) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(source, $0.baseAddress!, $0.count, off_t(offset)) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw FileError.system(ScratchFile.defaultDirectory, .readTemporaryFile) }
            if count == 0 { return }
            var written = 0
            while written < count {
                let result = buffer.withUnsafeBytes { write(target, $0.baseAddress! + written, count - written) }
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { throw FileError.system(name, .write) }
                written += result
            }
            offset += count
        }
    }
}
