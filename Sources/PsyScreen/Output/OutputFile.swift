#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One output of a command, opened the one way every output is opened (through ``OutputGuard/open(_:mode:)``):
///
/// - `-` is standard output;
/// - an existing device, FIFO or socket (`/dev/null`, `/dev/stdout`, `/proc/self/fd/N`, a named pipe) is opened and
///   written in place: never replaced, never truncated, its mode never changed;
/// - anything else is a regular file that appears complete or not at all: written to a temporary file beside it
///   and renamed over it by ``commit()`` (a symbolic link at the path is replaced by the file, never followed
///   into a replacement of its target). The new file has `mode` from its first byte.
package final class OutputFile {
    package enum Kind: Sendable {
        case standardOutput
        case inPlace
        case replacement
    }

    /// The path as the user gave it.
    package let path: String
    package let kind: Kind
    /// Where to write.
    package let fileDescriptor: Int32
    private let replacement: AtomicFileWriter?
    private var closed = false

    /// The file being written for a ``Kind/replacement`` (renamed into place on commit); `nil` otherwise.
    package var temporaryPath: String? { replacement?.temporaryPath }

    init(path: String, mode: mode_t) throws(FileError) {
        self.path = path
        if path == "-" {
            kind = .standardOutput
            fileDescriptor = STDOUT_FILENO
            replacement = nil
            return
        }
        if path.hasSuffix("/") { throw FileError(path: path, .isDirectory) }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, .isDirectory) }
            kind = .inPlace
            fileDescriptor = try Self.openInPlace(path, expected: info)
            replacement = nil
            return
        }
        kind = .replacement
        let file: AtomicFileWriter
        do {
            file = try AtomicFileWriter(path: path, mode: mode)
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError(path: path, .unexpected(String(describing: error)))
        }
        replacement = file
        fileDescriptor = file.fileDescriptor
    }

    deinit { discard() }

    /// Makes what was written the output: renames a replacement into place (after `fsync`), closes a file written
    /// in place. Flush any buffered writer first. Standard output is left open.
    package func commit() throws(FileError) {
        guard !closed else { return }
        closed = true
        switch kind {
        case .standardOutput:
            return
        case .inPlace:
            if close(fileDescriptor) != 0 { throw FileError.system(path, .write, errno: errno) }
        case .replacement:
            do {
                try replacement?.commit()
            } catch let error as FileError {
                throw error
            } catch {
                throw FileError(path: path, .unexpected(String(describing: error)))
            }
        }
    }

    /// For a writer that needs a path of its own (SQLite): `body` writes the file at the path it is given. For a
    /// replacement that is the temporary file itself; for standard output, a device or a pipe it is a scratch
    /// file in `$TMPDIR` (owner-only, removed afterwards, also on an interrupt) whose bytes are then copied out.
    /// Call ``commit()`` afterwards as usual.
    package func write(throughPath body: (String) throws -> Void) throws {
        if let temporaryPath { return try body(temporaryPath) }
        let scratch = try AtomicFileWriter(path: ScratchFile.defaultDirectory + "/psyscreen-output", mode: 0o600)
        defer { scratch.discard() }
        guard let path = scratch.temporaryPath else { return }
        try body(path)
        let source = open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw FileError.system(path, .readBack) }
        defer { close(source) }
        let writer = ByteWriter(fileDescriptor: fileDescriptor, name: self.path)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw FileError.system(path, .readBack) }
            if count == 0 { break }
            try writer.write(Array(buffer[..<count]))
        }
        try writer.flush()
    }

    /// Gives up: removes a replacement's temporary file; what was written in place or to standard output stays.
    package func discard() {
        guard !closed else { return }
        closed = true
        switch kind {
        case .standardOutput: return
        case .inPlace: close(fileDescriptor)
        case .replacement: replacement?.discard()
        }
    }

    /// Opens a device, FIFO or socket for writing without creating or truncating anything; the file must still be
    /// the one `stat` saw (a regular file put there meanwhile would be written in place, not replaced).
    private static func openInPlace(_ path: String, expected: stat) throws(FileError) -> Int32 {
        let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if (expected.st_mode & S_IFMT) == S_IFSOCK {
                throw FileError(path: path, .isSocket, code: code)
            }
            throw FileError.system(path, .openForWriting, errno: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_dev == expected.st_dev, info.st_ino == expected.st_ino,
            (info.st_mode & S_IFMT) != S_IFREG
        else {
            close(fd)
            throw FileError(path: path, .changedWhileOpening)
        }
        return fd
    }
}
