/// What could not be done with a file, and why: the messages of ``FileError``.
package enum FileMessage: Message, Hashable {
    /// A system call failed: what was being done, and what the system said.
    case failed(FileAction, SystemError)
    case isDirectory
    case isDirectoryNotCSV
    case isSocket
    case changedWhileOpening
    case alreadyDiscarded
    /// An output that would replace a file the command must keep.
    case wouldOverwrite(ProtectedFile)
    /// Two outputs (named by their options) are the same file.
    case sameFile(first: String, second: String)
    case shrankWhileRewritten
    case endedEarly
    case gb18030Unavailable
    case cannotStartBrowser(String)
    case printingTimedOut(seconds: String)
    case printingFailed(status: Int32, browserSaid: String)
    case cannotWritePageToPrint
    case notRegularFile
    case tooLarge(bytes: Int64, limit: Int)
    case shrankWhileRead
    /// An error of a kind this code does not expect, as Swift describes it.
    case unexpected(String)
    /// What is wrong with an Excel workbook.
    case workbook(SpreadsheetMessage)

    package var english: String {
        switch self {
        case .failed(let action, let system): "\(action.english): \(system.english)"
        case .isDirectory: "is a directory, not a file name"
        case .isDirectoryNotCSV: "is a directory, not a CSV file"
        case .isSocket: "is a socket: psyscreen cannot write to it"
        case .changedWhileOpening: "changed while it was being opened; try again"
        case .alreadyDiscarded: "cannot commit: the output was already discarded"
        case .wouldOverwrite(let file): "refusing to overwrite \(file.english)"
        case .sameFile(let first, let second): "\(first) and \(second) name the same file; give each its own"
        case .shrankWhileRewritten: "shrank while being rewritten"
        case .endedEarly: "ended early (truncated by another process?)"
        case .gb18030Unavailable: "GB18030 conversion is not available (glibc gconv modules missing)"
        case .cannotStartBrowser(let reason): "cannot start the browser: \(reason)"
        case .printingTimedOut(let seconds): "did not finish printing within \(seconds) seconds"
        case .printingFailed(let status, let said):
            "printing to PDF failed (exit status \(status))\(said.isEmpty ? "" : ": \(said)")"
        case .cannotWritePageToPrint: "cannot write the page to print"
        case .notRegularFile: "not a regular file"
        case .tooLarge(let bytes, let limit): "file is too large (\(bytes) bytes; the limit is \(limit))"
        case .shrankWhileRead: "file shrank while being read"
        case .unexpected(let description): description
        case .workbook(let message): message.english
        }
    }
}

/// What was being done with a file when the system refused.
package enum FileAction: Message, Hashable {
    case open
    case openForReading
    case openForWriting
    case read
    case readBack
    case write
    case writeToDisk
    case truncate
    case replace
    case createTemporaryFile
    case createTemporaryFileIn(directory: String)
    case setTemporaryPermissions
    case createTemporaryFolder
    case createFolder
    case readTemporaryFile
    case truncateTemporaryFile

    package var english: String {
        switch self {
        case .open: "cannot open"
        case .openForReading: "cannot open for reading"
        case .openForWriting: "cannot open for writing"
        case .read: "cannot read"
        case .readBack: "cannot read back"
        case .write: "cannot write"
        case .writeToDisk: "cannot write to disk"
        case .truncate: "cannot truncate"
        case .replace: "cannot replace the file"
        case .createTemporaryFile: "cannot create a temporary file"
        case .createTemporaryFileIn(let directory): "cannot create a temporary file in \(directory)"
        case .setTemporaryPermissions: "cannot set permissions of the temporary file"
        case .createTemporaryFolder: "cannot create a temporary folder"
        case .createFolder: "cannot create the folder"
        case .readTemporaryFile: "cannot read a temporary file"
        case .truncateTemporaryFile: "cannot truncate a temporary file"
        }
    }
}

/// A file no output may replace, as a refusal names it.
package enum ProtectedFile: Message, Hashable {
    case standardInput
    case input(String)
    case database(String)
    case databaseCompanion(String, database: String)
    case pseudonymKey(String)
    case instrument(String)

    package var english: String {
        switch self {
        case .standardInput: "standard input, an input of this command"
        case .input(let path): "the input file \(path)"
        case .database(let path): "the database \(path)"
        case .databaseCompanion(let path, let database): "\(path), part of the database \(database)"
        case .pseudonymKey(let path): "the pseudonym key \(path)"
        case .instrument(let path): "the instrument file \(path)"
        }
    }
}
