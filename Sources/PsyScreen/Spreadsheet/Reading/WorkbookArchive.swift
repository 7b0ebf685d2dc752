import Foundation
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The zip container of a workbook (ZIPFoundation), read one part at a time.
///
/// Only the parts psyscreen asks for are ever inflated (never macros, external links, images), each only after
/// its declared size passed the limits, and each is counted while it inflates: a part that produces more than it
/// declared, or fails its checksum, is refused. A resource: it holds the open file.
final class WorkbookArchive {
    /// The file as the user named it.
    let path: String
    let limits: WorkbookLimits
    private let archive: Archive
    /// Entries by lower-cased part name (part names are case-insensitive in a package).
    private let entries: [String: Entry]

    /// Opens `path`, which must be a regular file holding a zip.
    init(path: String, limits: WorkbookLimits) throws(FileError) {
        self.path = path
        self.limits = limits
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileError.system(path, .openForReading) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileError(path: path, .workbook(.notRegularFile))
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            if access(path, R_OK) != 0 { throw FileError.system(path, .openForReading) }
            throw FileError(path: path, .workbook(.notAZip(detail: "\(error)")))
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.entries else {
                throw FileError(path: path, .workbook(.tooManyEntries(limits.entries)))
            }
            if entry.type == .file { entries[Self.key(entry.path)] = entry }
        }
        self.archive = archive
        self.entries = entries
    }

    /// Whether the package has `part` (`xl/workbook.xml`, no leading slash).
    func contains(_ part: String) -> Bool { entries[Self.key(part)] != nil }

    /// The uncompressed size `part` declares (0 for a part that is not there).
    func declaredSize(of part: String) -> Int {
        entries[Self.key(part)].map { Int(clamping: $0.uncompressedSize) } ?? 0
    }

    /// The whole of a small part.
    func read(_ part: String, limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(part, limit: limit) { chunk in bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// Inflates `part` chunk by chunk into `consumer`, after checking its declared size against `limit` and its
    /// compression ratio. Errors thrown by `consumer` come out unchanged.
    func stream(_ part: String, limit: Int, chunkSize: Int = 256 << 10, _ consumer: (Data) throws -> Void) throws {
        guard let entry = entries[Self.key(part)] else { throw FileError(path: path, .workbook(.noPart(part))) }
        let declared = entry.uncompressedSize
        guard declared <= UInt64(limit) else {
            throw FileError(path: path, .workbook(.partTooLarge(part: part, size: declared, limit: UInt64(limit))))
        }
        if declared > 1 << 20, entry.compressedSize > 0, declared / entry.compressedSize > UInt64(limits.compressionRatio) {
            throw FileError(
                path: path,
                .workbook(
                    .zipBomb(part: part, ratio: declared / entry.compressedSize, compressed: entry.compressedSize, size: declared)
                ))
        }
        var produced: UInt64 = 0
        var consumerError: (any Error)?
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { chunk in
                produced += UInt64(chunk.count)
                guard produced <= declared else { throw Overrun() }
                do { try consumer(chunk) } catch {
                    consumerError = error
                    throw error
                }
            }
        } catch {
            if let consumerError { throw consumerError }
            if error is Overrun {
                throw FileError(path: path, .workbook(.inflatesBeyondDeclared(part: part, size: declared)))
            }
            throw FileError(path: path, .workbook(.cannotInflate(part: part, detail: "\(error)")))
        }
        guard produced == declared, checksum == entry.checksum else {
            throw FileError(path: path, .workbook(.damagedPart(part)))
        }
    }

    private struct Overrun: Error {}

    private static func key(_ part: String) -> String {
        (part.hasPrefix("/") ? String(part.dropFirst()) : part).lowercased()
    }
}

/// A byte count as people read it: `512 bytes`, `3.2 MB`, `4.0 GB`.
struct ByteCount: CustomStringConvertible {
    let bytes: UInt64
    init(_ bytes: UInt64) { self.bytes = bytes }

    var description: String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        let units = ["KB", "MB", "GB", "TB", "PB"]
        var value = Double(bytes) / 1_000
        var unit = 0
        while value >= 1_000 && unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        return "\((value * 10).rounded() / 10) \(units[unit])"
    }
}
