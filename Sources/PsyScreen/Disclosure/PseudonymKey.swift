import Crypto
import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The secret that turns student IDs into pseudonyms for linking a student across waves inside the school.
///
/// A pseudonym is HMAC-SHA256 of the normalized ID under a 256-bit key kept in its own file (mode 0600, never
/// beside exports). A plain hash would not do: an 8-digit ID space is enumerated in under a minute.
package struct PseudonymKey: Sendable {
    /// Key length in bytes, which is also the exact size of a key file.
    package static let byteCount = 32

    // Raw bytes rather than a `SymmetricKey`, which swift-crypto 3.12 does not declare Sendable.
    private let bytes: [UInt8]

    /// A key from raw bytes; refuses any length other than ``byteCount``.
    package init(bytes: [UInt8]) throws(PseudonymError) {
        guard bytes.count == Self.byteCount else { throw .wrongKeyLength(path: nil, byteCount: bytes.count) }
        self.bytes = bytes
    }

    /// Writes a new random key to `url` with mode 0600 and returns it. Refuses to overwrite any existing file:
    /// losing the old key would break every link across waves.
    package static func create(at url: URL) throws(PseudonymError) -> PseudonymKey {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let path = url.path
        // O_EXCL makes "does it exist?" and "create it" one step; the mode is set at creation, so the key is never
        // readable by others, not even for a moment.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST { throw .keyFileExists(path: path) }
            throw .io(path: path, reason: SystemError(code))
        }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard result > 0 else {
                let reason = SystemError(errno)
                unlink(path)
                throw .io(path: path, reason: reason)
            }
            written += result
        }
        guard fsync(fd) == 0 else {
            let reason = SystemError(errno)
            unlink(path)
            throw .io(path: path, reason: reason)
        }
        return try PseudonymKey(bytes: bytes)
    }

    /// Reads a key file. Refuses a file that group or others may access, and a file that is not exactly
    /// ``byteCount`` bytes.
    package static func load(from url: URL) throws(PseudonymError) -> PseudonymKey {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw .keyFileMissing(path: path) }
            throw .io(path: path, reason: SystemError(code))
        }
        defer { close(fd) }
        // Check the file we opened, not the path, so a swap between the check and the read changes nothing.
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, reason: SystemError(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path) }
        let permissions = Int(info.st_mode & 0o777)
        guard permissions & 0o077 == 0 else { throw .keyFileTooOpen(path: path, mode: permissions) }
        guard Int(info.st_size) == byteCount else { throw .wrongKeyLength(path: path, byteCount: Int(info.st_size)) }

        var bytes = [UInt8](repeating: 0, count: byteCount + 1)  // one more, to notice a file that grew
        var total = 0
        while total < bytes.count {
            let result = bytes[total...].withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if result < 0 { throw .io(path: path, reason: SystemError(errno)) }
            if result == 0 { break }
            total += result
        }
        guard total == byteCount else { throw .wrongKeyLength(path: path, byteCount: total) }
        return try PseudonymKey(bytes: Array(bytes.prefix(byteCount)))
    }

    /// Lowercase hex of HMAC-SHA256(key, normalized ID). Refuses an ID that is empty once normalized: all blank
    /// IDs would otherwise become one student.
    package func pseudonym(for studentID: String) throws(PseudonymError) -> String {
        let normalized = Self.normalize(studentID)
        guard !normalized.isEmpty else { throw .emptyStudentID }
        let code = HMAC<SHA256>.authenticationCode(for: Data(normalized.utf8), using: SymmetricKey(data: bytes))
        return code.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The form of an ID that is hashed: Unicode NFKC (full-width digits and letters become ASCII), surrounding
    /// whitespace removed, ASCII letters in upper case. The same student typed on a Chinese keyboard or in a
    /// roster export gets the same pseudonym.
    package static func normalize(_ studentID: String) -> String {
        let folded = studentID.precomposedStringWithCompatibilityMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return String(decoding: folded.utf8.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
    }
}

/// A pseudonym key or ID that cannot be used.
package enum PseudonymError: Error, Hashable, Sendable, Message, CustomStringConvertible {
    case keyFileExists(path: String)
    case keyFileMissing(path: String)
    case keyFileTooOpen(path: String, mode: Int)
    case notARegularFile(path: String)
    case wrongKeyLength(path: String?, byteCount: Int)
    case io(path: String, reason: SystemError)
    case emptyStudentID
    /// The extract history beside the key (``ExtractHistory``) cannot be read, or its `line` is damaged.
    case historyUnreadable(path: String)
    case historyDamaged(path: String, line: Int)

    package var description: String { english }

    package var english: String {
        switch self {
        case let .keyFileExists(path):
            "pseudonym key file \(path) already exists; refusing to overwrite it (a new key breaks every link"
                + " to earlier waves)"
        case let .keyFileMissing(path):
            "pseudonym key file \(path) does not exist"
        case let .keyFileTooOpen(path, mode):
            "pseudonym key file \(path) has mode \(String(mode, radix: 8)); group and others must have no access"
                + " (run: chmod 600 \(path))"
        case let .notARegularFile(path):
            "pseudonym key file \(path) is not a regular file"
        case let .wrongKeyLength(path, byteCount):
            "pseudonym key\(path.map { " file \($0)" } ?? "") has \(byteCount) bytes; a key has exactly"
                + " \(PseudonymKey.byteCount)"
        case let .io(path, reason):
            "pseudonym key file \(path): \(reason.english)"
        case .emptyStudentID:
            "a student ID is empty; no pseudonym can be made for it"
        case let .historyUnreadable(path): "cannot read the extract history \(path)"
        case let .historyDamaged(path, line): "line \(line) of the extract history \(path) is damaged"
        }
    }
}
