#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads small input files whole, with an error that names the file and what went wrong.
enum FileBytes {
    static func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, .failed(.open, SystemError(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path, .failed(.read, SystemError(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw failure(path, .notRegularFile) }
        guard Int(info.st_size) <= limit else {
            throw failure(path, .tooLarge(bytes: Int64(info.st_size), limit: limit))
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw failure(path, count == 0 ? .shrankWhileRead : .failed(.read, SystemError(errno)))
            }
            filled += count
        }
        return bytes
    }

    private static func failure(_ path: String, _ message: FileMessage) -> InputError {
        InputError(at: SourceLocation(file: path, line: 1), message)
    }
}
