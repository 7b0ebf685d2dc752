import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who is staging an import (`import.holder`): host, process id and the process's start time, so that an import
/// whose process was killed is told from one still running, and its staged rows can be removed.
enum ImportHolder {
    /// This process.
    static let current: String = "\(hostName) \(getpid()) \(startTime(of: getpid()) ?? "?")"

    /// How long a staging import on another machine (a shared folder) counts as alive after its last sign of life.
    static let remoteLease: TimeInterval = 600

    /// Whether the process that wrote `holder` may still be staging: on this machine, whether that process (the
    /// same pid started at the same time) still runs; on another, whether it wrote within ``remoteLease``.
    static func isAlive(_ holder: String?, lastSeen: Date?, now: Date) -> Bool {
        let parts = holder?.split(separator: " ").map(String.init) ?? []
        guard parts.count == 3, let pid = Int32(parts[1]) else { return false }
        guard parts[0] == hostName else {
            return lastSeen.map { now.timeIntervalSince($0) < remoteLease } ?? false
        }
        if pid == getpid() { return parts[2] == startTime(of: pid) ?? "?" }
        if let started = startTime(of: pid) { return started == parts[2] }
        // No /proc (not Linux): whether a process with that id exists.
        return FileManager.default.fileExists(atPath: "/proc/self") ? false : kill(pid, 0) == 0 || errno == EPERM
    }

    private static let hostName: String = {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "localhost" }
        return String(cString: name).replacingOccurrences(of: " ", with: "_")
    }()

    /// Field 22 of `/proc/PID/stat` (clock ticks since boot when the process started).
    private static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        // After "pid (command)": state is field 3, so field 22 is the 20th.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }
}
