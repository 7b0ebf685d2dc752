#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells a workbook from a CSV file by its first bytes, not its name: a counselor's `results.csv` may well be an
/// `.xlsx` renamed, and the other way round.
package enum WorkbookDetection {
    /// Whether `path` starts like a zip file (so like an `.xlsx`; ``SheetRowStream`` then says whether it really
    /// is one). `-` (standard input) and files that cannot be opened are not workbooks: the CSV reader reports
    /// them.
    /// - Throws: ``FileError`` for an Excel 97–2003 `.xls` or a password-protected workbook (both are OLE
    ///   compound files), which psyscreen cannot read.
    package static func isWorkbook(path: String) throws(FileError) -> Bool {
        guard path != "-" else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        var magic = [UInt8](repeating: 0, count: 8)
        let count = magic.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 8, 0) }
        if count >= 4 && magic[0] == 0x50 && magic[1] == 0x4B && (magic[2] == 3 || magic[2] == 5)
            && (magic[3] == 4 || magic[3] == 6)
        {
            return true
        }
        if count == 8 && magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            throw FileError(path: path, .workbook(.legacyOrEncrypted))
        }
        return false
    }
}
