/// Turns ``FlowOutput`` into the characters written to the student's screen: wrapped at `width` columns (CJK
/// counted as two) when known, the crisis text in bold red when colour is allowed.
package struct FlowRenderer: Hashable, Sendable {
    /// Nil: no wrapping (standard output is a pipe).
    package var width: Int?
    package var colour: Bool
    /// What clears the screen and its scrollback; empty when standard output is not a terminal.
    package var clearSequence: String

    package init(width: Int? = nil, colour: Bool = false, clearSequence: String = "") {
        self.width = width
        self.colour = colour
        self.clearSequence = clearSequence
    }

    /// Home, clear the screen, clear the scrollback (xterm, VTE, PuTTY, the Linux console; tmux clears its history).
    package static let ansiClear = "\u{1B}[H\u{1B}[2J\u{1B}[3J"

    package func render(_ output: FlowOutput) -> String {
        switch output {
        case .text(let text), .notice(let text):
            return lines(text).map { $0 + "\n" }.joined()
        case .options(let options):
            guard let width else { return "  " + options.joined(separator: "   ") + "\n" }
            return TextWrapper.pack(options, width: width).map { $0 + "\n" }.joined()
        case .prompt(let prompt):
            guard let width, DisplayWidth.of(prompt) > width else { return prompt }
            let trailing = String(prompt.reversed().prefix { $0 == " " })
            return TextWrapper.wrap(prompt, width: width).joined(separator: "\n") + trailing
        case .crisis(let text):
            let body = lines(text).map { colour && !$0.isEmpty ? "\u{1B}[1;31m\($0)\u{1B}[0m" : $0 }
            return "\n" + body.map { $0 + "\n" }.joined()
        case .clearScreen:
            return clearSequence
        }
    }

    /// Renders a whole step, for transcripts.
    package func render(_ outputs: [FlowOutput]) -> String { outputs.map(render).joined() }

    private func lines(_ text: String) -> [String] {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let width else { return paragraphs }
        return paragraphs.flatMap { $0.isEmpty ? [""] : TextWrapper.wrap($0, width: width) }
    }
}
