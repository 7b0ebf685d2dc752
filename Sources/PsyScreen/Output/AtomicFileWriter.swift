#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output file that appears complete or not at all.
///
/// Data goes to a temporary file `.NAME.tmp-XXXXXX` created with `mkstemp` next to the destination (same file
/// system, so the final `rename` is atomic). ``commit()`` flushes it to disk and renames it over the destination;
/// ``discard()``, a failed commit, or dropping the writer without committing removes it, so an interrupted export
/// never leaves a half-written file where a counselor would open it.
///
/// The path `-` means standard output: a non-atomic passthrough whose commit and discard do nothing.
///
/// Commands do not use it directly: their outputs go through ``OutputGuard`` and ``OutputFile``, which refuse
/// a path that is an input or the database and write devices and FIFOs in place.
///
/// ```swift
/// let file = try AtomicFileWriter(path: outPath, mode: 0o600)
/// let csv = CSVWriter(fileDescriptor: file.fileDescriptor, name: outPath)
/// … write …
/// try csv.flush()      // the CSV writer's buffer first,
/// try file.commit()    // then the file.
/// ```
final class AtomicFileWriter {
    /// The destination as given.
    let path: String
    /// Where to write: the temporary file, or 1 for standard output.
    let fileDescriptor: Int32
    /// The temporary file's path; `nil` for standard output.
    let temporaryPath: String?

    private enum State { case open, committed, discarded }
    private var state = State.open
    /// The temporary file's registration for removal on SIGINT/SIGTERM (see ``TemporaryFileCleanup``).
    private var cleanup: TemporaryFileCleanup.Token?

    /// Whether this writes to standard output (`-`).
    var isStandardOutput: Bool { temporaryPath == nil }

    /// Creates the temporary file for `path`.
    ///
    /// - Parameters:
    ///   - mode: permission bits of the final file, further restricted by the process umask. They are set with
    ///     `fchmod` before any data is written, so an identified export made with `0o600` is never readable by
    ///     others, not even while it is being written.
    /// - Throws: ``FileError`` if the destination is a directory, or the temporary file cannot be made.
    init(path: String, mode: mode_t = 0o644) throws {
        self.path = path
        if path == "-" {
            fileDescriptor = STDOUT_FILENO
            temporaryPath = nil
            return
        }
        try Self.checkDestination(path)

        let (directory, name) = Self.split(path)
        var shortName = name
        // Keep the temporary name under NAME_MAX (255 bytes) even for long destination names.
        while shortName.utf8.count > 200 { shortName.removeLast() }
        var template = Array("\(directory)/.\(shortName).tmp-XXXXXX".utf8CString)
        // Signals are blocked until the new file is registered for removal, so an interrupt cannot slip between.
        let (fd, temporary, token) = TemporaryFileCleanup.withSignalsBlocked {
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { return (fd, "", TemporaryFileCleanup.Token?.none) }
            let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return (fd, temporary, TemporaryFileCleanup.register(temporary))
        }
        guard fd >= 0 else {
            throw FileError.system(path, .createTemporaryFileIn(directory: directory))
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)  // mkostemp is not visible from Swift's Glibc module
        if fchmod(fd, mode & ~Self.currentUmask()) != 0 {
            let code = errno
            close(fd)
            unlink(temporary)
            TemporaryFileCleanup.unregister(token)
            throw FileError.system(path, .setTemporaryPermissions, errno: code)
        }
        fileDescriptor = fd
        temporaryPath = temporary
        cleanup = token
    }

    deinit {
        if state == .open { discard() }
    }

    /// Flushes the data to disk and renames the temporary file over the destination.
    ///
    /// Call it after flushing any writer buffered on ``fileDescriptor``. On failure the temporary file is removed
    /// and the destination is left as it was. Committing twice does nothing the second time.
    func commit() throws {
        switch state {
        case .committed: return
        case .discarded: throw FileError(path: path, .alreadyDiscarded)
        case .open: break
        }
        guard let temporaryPath else {
            state = .committed
            return
        }
        if fsync(fileDescriptor) != 0 {
            let code = errno
            discard()
            throw FileError.system(path, .writeToDisk, errno: code)
        }
        state = .discarded  // from here on the descriptor is closed; unlink by hand on failure
        defer { TemporaryFileCleanup.unregister(cleanup) }
        if close(fileDescriptor) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw FileError.system(path, .writeToDisk, errno: code)
        }
        if rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw FileError.system(path, .replace, errno: code)
        }
        state = .committed
        Self.syncDirectory(Self.split(path).directory)
    }

    /// Closes and removes the temporary file. Does nothing after a commit or for standard output.
    func discard() {
        guard state == .open else { return }
        state = .discarded
        guard let temporaryPath else { return }
        close(fileDescriptor)
        unlink(temporaryPath)
        TemporaryFileCleanup.unregister(cleanup)
    }

    // MARK: - Helpers

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    private static func checkDestination(_ path: String) throws {
        if path.hasSuffix("/") { throw FileError(path: path, .isDirectory) }
        var destination = stat()
        guard stat(path, &destination) == 0 else { return }
        if (destination.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(path: path, .isDirectory)
        }
    }

    /// Reads the umask without changing it (`umask(2)` can only be read by setting it, which races with other
    /// threads creating files). Falls back to 022, the usual default, where `/proc` is not available.
    private static func currentUmask() -> mode_t {
        let fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0o022 }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0o022 }
        let text = String(decoding: bytes[..<count], as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let value = mode_t(line.dropFirst("Umask:".count).filter { $0 != " " && $0 != "\t" }, radix: 8)
        else { return 0o022 }
        return value
    }

    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
