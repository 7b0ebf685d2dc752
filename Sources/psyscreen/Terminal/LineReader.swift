#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lines from standard input, read with poll(2) so that Ctrl-C (``InterruptSignal``) and a kiosk's idle timeout
/// can end the wait. Works the same on a terminal, over SSH and through a pipe.
final class LineReader {
    enum Result: Equatable {
        /// Without the line terminator (`\n` or `\r\n`).
        case line(String)
        case endOfInput
        case interrupted
        case timedOut
    }

    private let input: Int32
    private let interrupt: Int32?
    private var buffer: [UInt8] = []
    private var ended = false

    init(input: Int32 = 0, interrupt: Int32?) {
        self.input = input
        self.interrupt = interrupt
    }

    /// After EOF on a terminal (Ctrl-D), the terminal can still be read: a kiosk goes on with the next student.
    func resumeAfterEndOfInput() { ended = false }

    /// The next line, or why there is none. `timeout` in seconds; nil waits for ever.
    func next(timeout: Double?) -> Result {
        let deadline = timeout.map { Self.monotonicSeconds() + $0 }
        while true {
            if let line = takeLine() { return .line(line) }
            if ended {
                guard buffer.isEmpty else {
                    // A last line without a newline still counts.
                    defer { buffer.removeAll() }
                    return .line(Self.decode(buffer[...]))
                }
                return .endOfInput
            }
            var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0)]
            if let interrupt { descriptors.append(pollfd(fd: interrupt, events: Int16(POLLIN), revents: 0)) }
            var wait: Int32 = -1
            if let deadline {
                let remaining = deadline - Self.monotonicSeconds()
                guard remaining > 0 else { return .timedOut }
                wait = Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                ended = true
                continue
            }
            if ready == 0 { continue }  // the deadline check above returns .timedOut
            if descriptors.count > 1, descriptors[1].revents & Int16(POLLIN) != 0, let interrupt {
                InterruptSignal.drain(interrupt)
                return .interrupted
            }
            if descriptors[0].revents != 0 { readAvailable() }
        }
    }

    private func readAvailable() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = read(input, &chunk, chunk.count)
        if count > 0 {
            buffer += chunk[..<count]
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            ended = true
        }
    }

    private func takeLine() -> String? {
        guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var end = newline
        if end > 0, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = Self.decode(buffer[..<end])
        buffer.removeSubrange(...newline)
        return line
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
