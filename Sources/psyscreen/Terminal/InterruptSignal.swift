#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C as a readable file descriptor (the self-pipe trick): the handler only writes one byte to a pipe, which
/// is async-signal-safe, and ``LineReader`` polls the pipe beside standard input. So an interrupt is taken between
/// two steps of the flow, never in the middle of a database write.
enum InterruptSignal {
    // Written once before the handler is installed, then only read by it.
    nonisolated(unsafe) private static var writeEnd: Int32 = -1

    /// Installs the handler for SIGINT (and, on a kiosk, SIGQUIT, which Ctrl-\ sends; Ctrl-Z is ignored there so
    /// that a student cannot suspend the kiosk to a shell). Returns the pipe's read end, or nil if no pipe could
    /// be made (Ctrl-C then keeps its default: the process ends, every committed answer stays).
    static func install(kiosk: Bool) -> Int32? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        writeEnd = ends[1]
        let handler: @convention(c) (Int32) -> Void = { _ in
            let saved = errno
            var byte: UInt8 = 1
            _ = write(InterruptSignal.writeEnd, &byte, 1)
            errno = saved
        }
        _ = signal(SIGINT, handler)
        if kiosk {
            _ = signal(SIGQUIT, handler)
            _ = signal(SIGTSTP, SIG_IGN)
        }
        // A closed terminal must not kill us in the middle of a write; reading then ends with EOF.
        _ = signal(SIGPIPE, SIG_IGN)
        return ends[0]
    }

    /// Empties the pipe after an interrupt was taken.
    static func drain(_ readEnd: Int32) {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &bytes, bytes.count) > 0 {}
    }
}
