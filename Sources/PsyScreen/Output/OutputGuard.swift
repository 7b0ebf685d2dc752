#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files one run of a command must never write over, and the rule every output of that run goes through.
///
/// An output is refused when it resolves — same device and inode, or the same real path — to a protected file:
/// an input, the database or its `-wal`/`-shm`/`-journal`, the pseudonym key, or another output of the run. Only
/// a regular file or a path that does not exist yet can clash: a device, FIFO or socket is written in place (see
/// ``OutputFile``), so nothing there is replaced.
///
/// ```swift
/// var rule = OutputGuard()
/// rule.protect(input, as: .input)
/// rule.protectDatabase(databasePath)
/// try rule.check([.init(path: "out.csv", option: "-o")])   // before any work
/// let file = try rule.open("out.csv", mode: 0o600)
/// ```
package struct OutputGuard: Sendable {
    /// Why a file is protected; it names the file in the refusal.
    package enum Role: Sendable, Equatable {
        case input
        case database
        /// A file SQLite keeps beside the database (`-wal`, `-shm`, `-journal`).
        case databaseCompanion(database: String)
        case pseudonymKey
        case instrument
    }

    /// One output of the run, as the user named it.
    package struct Output: Sendable {
        /// The path (`-` for standard output).
        package var path: String
        /// The option that named it, for messages: `-o`, `--errors`, `FILE`.
        package var option: String

        package init(path: String, option: String) {
            self.path = path
            self.option = option
        }
    }

    private var protected: [(path: String, role: Role)] = []

    package init() {}

    /// Protects `path` (`-` means standard input for ``Role/input``).
    package mutating func protect(_ path: String, as role: Role) {
        protected.append((path, role))
    }

    /// Protects the database and the files SQLite keeps beside it.
    package mutating func protectDatabase(_ path: String) {
        protect(path, as: .database)
        for suffix in ["-wal", "-shm", "-journal"] { protect(path + suffix, as: .databaseCompanion(database: path)) }
    }

    /// Refuses any output that resolves to a protected file or to another of `outputs`.
    package func check(_ outputs: [Output]) throws(FileError) {
        let resolved = outputs.map { Resolved(output: $0.path) }
        for (index, output) in outputs.enumerated() {
            let target = resolved[index]
            guard target.canBeReplaced else { continue }
            for (path, role) in protected where target.clashes(with: Resolved(protected: path, role: role)) {
                throw FileError(path: output.path, .wouldOverwrite(Self.describe(path, role)))
            }
            for other in outputs.indices where other < index && target.clashes(with: resolved[other]) {
                throw FileError(path: output.path, .sameFile(first: outputs[other].option, second: output.option))
            }
        }
    }

    /// Opens `path` as an output after checking it alone against the protected files (call ``check(_:)`` with
    /// every output of the run first, before any work, so that outputs are also checked against each other).
    package func open(_ path: String, mode: mode_t) throws(FileError) -> OutputFile {
        try check([Output(path: path, option: path)])
        return try OutputFile(path: path, mode: mode)
    }

    private static func describe(_ path: String, _ role: Role) -> ProtectedFile {
        switch role {
        case .input: path == "-" ? .standardInput : .input(path)
        case .database: .database(path)
        case .databaseCompanion(let database): .databaseCompanion(path, database: database)
        case .pseudonymKey: .pseudonymKey(path)
        case .instrument: .instrument(path)
        }
    }
}

/// Where a path leads: its device and inode if it exists, its real path, and whether it is a regular file.
private struct Resolved {
    var identity: (device: UInt64, inode: UInt64)?
    var isRegular = false
    var exists = false
    var canonical: String

    /// An output: `-` is standard output.
    init(output path: String) {
        if path == "-" {
            self.init(descriptor: STDOUT_FILENO, name: "<standard output>")
        } else {
            self.init(path: path)
        }
    }

    /// A protected file: `-` as an input is standard input.
    init(protected path: String, role: OutputGuard.Role) {
        if path == "-" && role == .input {
            self.init(descriptor: STDIN_FILENO, name: "<standard input>")
        } else {
            self.init(path: path)
        }
    }

    private init(descriptor: Int32, name: String) {
        canonical = name
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return }
        record(info)
    }

    private init(path: String) {
        canonical = CanonicalPath.resolve(path)
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        record(info)
    }

    private mutating func record(_ info: stat) {
        exists = true
        identity = (UInt64(info.st_dev), UInt64(info.st_ino))
        isRegular = (info.st_mode & S_IFMT) == S_IFREG
    }

    /// A regular file, or nothing yet: what an output would create or replace. A device, FIFO or socket is
    /// written in place and a directory is refused when opened.
    var canBeReplaced: Bool { !exists || isRegular }

    func clashes(with other: Resolved) -> Bool {
        if canonical == other.canonical { return true }
        guard let identity, let theirs = other.identity, other.isRegular else { return false }
        return identity == theirs
    }
}

/// A path made absolute with every symbolic link resolved, also when the file (or a link's target) does not
/// exist yet, so that `./db.sqlite-wal` and `db.sqlite-wal` before SQLite creates it compare equal.
enum CanonicalPath {
    static func resolve(_ path: String) -> String {
        var current = absolute(path)
        for _ in 0..<40 {
            if let real = realPath(current) { return real }
            let (directory, name) = split(current)
            if let target = linkTarget(current) {
                current = target.hasPrefix("/") ? target : directory + "/" + target
                continue
            }
            let parent = realPath(directory) ?? directory
            return (parent == "/" ? "" : parent) + "/" + name
        }
        return current
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}
