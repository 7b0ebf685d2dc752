import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

#if canImport(Glibc)
import Glibc
#endif

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Look after the school database: check it, back it up.",
        subcommands: [DatabaseCheck.self, DatabaseBackup.self])
}

struct DatabaseCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run SQLite's integrity check on the database (read-only).",
        discussion: "Exit status 0 when the file is sound, 1 when it is damaged (restore the latest backup), 2 when it cannot be read.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let path = database.resolvedPath
        let problems: [String]
        do {
            problems = try database.openForReading(checkIntegrity: false).integrityProblems()
        } catch let error as StoreError where error.damage != nil {
            problems = [error.damage ?? ""]
        }
        guard problems.isEmpty else {
            throw CLIError(
                "the database file is damaged; restore the latest backup (see the README: Backups). SQLite found:\n"
                    + problems.joined(separator: "\n"),
                file: path, exitCode: 1)
        }
        try StandardOutput.line("\(path): ok (SQLite integrity_check)")
    }
}

struct DatabaseBackup: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to FILE (mode 0600) while terminals keep writing: a consistent snapshot.",
        discussion: """
            Uses SQLite's online backup: the copy holds everything committed before it started, and lab terminals \
            go on saving answers meanwhile. The copy is checked (quick_check) before it replaces FILE; FILE may not \
            be the database or its -wal/-shm. See the README for a daily backup and how to restore.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("Where to write the copy ('-' for standard output).", valueName: "file"))
    var file: String

    var files: CommandFiles { CommandFiles(database: database.resolvedPath, outputs: [.init("FILE", file, .ownerOnly)]) }

    func run() throws {
        let store = try database.openForReading(checkIntegrity: false)
        let output = try files.open(file)
        do {
            if let temporary = output.temporaryPath {
                try store.backup(to: temporary)
            } else {
                try backupThroughScratch(store, to: output)
            }
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
        var info = stat()
        let size = output.kind == .replacement && stat(file, &info) == 0 ? " (\(info.st_size) bytes)" : ""
        printError("\(store.path): backed up to \(file)\(size)")
    }

    /// Standard output, a pipe or a device: SQLite writes the copy to a named scratch file, which is then copied
    /// out and removed.
    private func backupThroughScratch(_ store: ScreeningStore, to output: OutputFile) throws {
        var template = Array("\(ScratchFile.defaultDirectory)/.psyscreen-backup-XXXXXX".utf8CString)
        let (fd, path, token) = TemporaryFileCleanup.withSignalsBlocked {
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { return (fd, "", TemporaryFileCleanup.Token?.none) }
            let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return (fd, path, TemporaryFileCleanup.register(path))
        }
        guard fd >= 0 else { throw FileError.system(ScratchFile.defaultDirectory, "cannot create a temporary file") }
        defer {
            close(fd)
            unlink(path)
            TemporaryFileCleanup.unregister(token)
        }
        try store.backup(to: path)
        let writer = ByteWriter(fileDescriptor: output.fileDescriptor, name: output.path)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw FileError.system(path, "cannot read back") }
            if count == 0 { break }
            try buffer.withUnsafeBufferPointer { try writer.write(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
        try writer.flush()
    }
}
