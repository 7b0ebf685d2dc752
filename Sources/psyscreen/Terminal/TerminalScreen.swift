import PsyScreen

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output as the student sees it: wrapped at the terminal width when it is a terminal, colour only when
/// allowed, plain unwrapped text through a pipe. The rendering itself is ``FlowRenderer`` (core, tested).
struct TerminalScreen {
    /// Standard output is a terminal.
    let isTerminal: Bool
    /// `TERM` is unset or `dumb`: no colour.
    let isDumb: Bool
    /// A terminal, not dumb, and `NO_COLOR` unset or empty (no-color.org).
    let usesColour: Bool
    private let environment: [String: String]

    init(environment: [String: String]) {
        self.environment = environment
        isTerminal = isatty(1) == 1
        let term = environment["TERM"] ?? ""
        isDumb = term.isEmpty || term == "dumb"
        usesColour = isTerminal && !isDumb && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Asked again before each write: the window may have been resized.
    private func windowSize() -> (columns: Int, rows: Int) {
        var size = winsize()
        let known = ioctl(1, UInt(TIOCGWINSZ), &size) == 0
        let columns =
            known && size.ws_col > 0
            ? Int(size.ws_col) : environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
        let rows =
            known && size.ws_row > 0
            ? Int(size.ws_row) : environment["LINES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 50
        return (columns, rows)
    }

    func show(_ output: FlowOutput) {
        guard isTerminal else {
            write(FlowRenderer().render(output))
            return
        }
        let size = windowSize()
        // Cleared whatever TERM says: TERM unset or `dumb` describes the environment, not the screen, and every
        // terminal a kiosk runs on (xterm and its kin, VTE, the Linux console, tmux, PuTTY) clears the screen and
        // its scrollback with these. Blank lines instead would only push the previous student into the scrollback.
        write(FlowRenderer(width: size.columns, colour: usesColour, clearSequence: FlowRenderer.ansiClear).render(output))
    }

    /// Writes everything, retrying short writes; a closed terminal is ignored (the input side then ends).
    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { posixWrite(1, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

/// `write(2)`, named apart from ``TerminalScreen/write(_:)``.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
