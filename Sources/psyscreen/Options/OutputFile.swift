#if canImport(Glibc)
import Glibc
#endif

/// Writes a command's output: to standard output, or atomically to a file (a temporary file beside it, mode
/// set before any byte is written, fsync, rename), so that a failed run leaves nothing half-written behind.
///
/// A stand-in until the shared `AtomicFileWriter` lands on main; same guarantees, same place to swap.
struct OutputFile {
    var path: String?
    var mode: mode_t

    /// Exits with status 2 and a message when the file cannot be written.
    func write(_ text: String) throws {
        guard let path, path != "-" else {
            writeAll(1, Array(text.utf8))
            return
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        var template = Array("\(directory.isEmpty ? "/" : directory)/.psyscreen-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("\(path): cannot create the output file: \(String(cString: strerror(errno)))") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var ok = fchmod(fd, mode) == 0 && writeAll(fd, Array(text.utf8)) && fsync(fd) == 0
        let code = errno
        ok = close(fd) == 0 && ok
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(ok ? errno : code))
            unlink(temporary)
            throw failure("\(path): cannot write the output file: \(reason)")
        }
    }

    @discardableResult
    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
