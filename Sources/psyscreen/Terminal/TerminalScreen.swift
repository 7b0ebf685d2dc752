import PsyScreen

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output as the student sees it: wrapped at the terminal width (CJK = 2 columns) when it is a terminal,
/// bold red for the crisis text only when colour is allowed, plain text through a pipe.
struct TerminalScreen {
    /// Standard output is a terminal.
    let isTerminal: Bool
    /// `TERM` is unset or `dumb`: no escape sequences at all.
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

    /// Columns to wrap at: asked again before each write (the window may have been resized). Nil when standard
    /// output is not a terminal: a pipe gets the text unwrapped.
    func columns() -> Int? {
        guard isTerminal else { return nil }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    private func rows() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        if let lines = environment["LINES"].flatMap(Int.init), lines > 0 { return lines }
        return 50
    }

    /// The bytes to write for one output of the flow.
    func render(_ output: FlowOutput) -> String {
        let width = columns()
        switch output {
        case .text(let text), .notice(let text):
            return lines(text, width: width).map { $0 + "\n" }.joined()
        case .options(let options):
            guard let width else { return "  " + options.joined(separator: "   ") + "\n" }
            return TextWrapper.pack(options, width: width).map { $0 + "\n" }.joined()
        case .prompt(let prompt):
            guard let width, DisplayWidth.of(prompt) > width else { return prompt }
            let trailing = String(prompt.reversed().prefix { $0 == " " })
            return TextWrapper.wrap(prompt, width: width).joined(separator: "\n") + trailing
        case .crisis(let text):
            let body = lines(text, width: width).map { usesColour ? "\u{1B}[1;31m\($0)\u{1B}[0m" : $0 }
            return "\n" + body.map { $0 + "\n" }.joined()
        case .clearScreen:
            guard isTerminal else { return "" }
            // Home, clear the screen and the scrollback: nothing of the previous student can be scrolled back to.
            return isDumb ? String(repeating: "\n", count: rows()) : "\u{1B}[H\u{1B}[2J\u{1B}[3J"
        }
    }

    private func lines(_ text: String, width: Int?) -> [String] {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let width else { return paragraphs }
        return paragraphs.flatMap { $0.isEmpty ? [""] : TextWrapper.wrap($0, width: width) }
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
