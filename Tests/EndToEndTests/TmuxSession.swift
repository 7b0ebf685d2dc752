import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tmux server of its own (a socket in a temporary folder) running one command in an 80×24 pane: send keys,
/// read the pane and its whole history as a person scrolling back would (`capture-pane -S -`).
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// tmux on the PATH, or nil (tests then skip: .ci/run installs it).
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    private let tmux: String
    private let directory: String
    private let socket: String

    /// Starts `command` (run directly, no shell) in a new detached session.
    init(_ command: [String]) throws {
        guard let tmux = Self.executable else { throw Failure(description: "tmux is not installed") }
        self.tmux = tmux
        directory = NSTemporaryDirectory() + "psyscreen-tmux-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        socket = directory + "/socket"
        // A config of its own: nothing from the machine's ~/.tmux.conf; a long history so that nothing scrolls out.
        let config = directory + "/tmux.conf"
        try "set -g history-limit 10000\nset -g remain-on-exit on\n".write(toFile: config, atomically: true, encoding: .utf8)
        try run(["-f", config, "new-session", "-d", "-s", "kiosk", "-x", "80", "-y", "24", "--"] + command)
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Types `text` literally, then Enter.
    func typeLine(_ text: String) throws {
        if !text.isEmpty { try run(["send-keys", "-t", "kiosk", "-l", text]) }
        try run(["send-keys", "-t", "kiosk", "Enter"])
    }

    /// Sends a key by its tmux name (`C-d`).
    func press(_ key: String) throws { try run(["send-keys", "-t", "kiosk", key]) }

    /// The pane's whole history and screen, joined lines.
    func scrollback() throws -> String { try run(["capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", "kiosk"]) }

    /// Only what is on the screen now.
    func screen() throws -> String { try run(["capture-pane", "-p", "-J", "-t", "kiosk"]) }

    /// Polls the screen every 50 ms until `condition` holds, for up to `seconds`.
    func waitForScreen(seconds: Double = 30, _ condition: (String) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if condition(try screen()) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return false
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        // posix_spawn and waitpid, not Foundation's Process: the server that the first command forks inherits the
        // descriptor Process watches for the child's exit, so Process would wait for the server to end.
        let outputPath = directory + "/output"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([tmux, "-S", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot start tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited (low 7 bits 0) with status 0.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")): status \(status): \(text)")
        }
        return text
    }
}
