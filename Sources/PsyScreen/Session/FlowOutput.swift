/// Something written for the student. The driver wraps it at the terminal width and styles it.
package enum FlowOutput: Hashable, Sendable {
    /// Lines of text (`\n` separates paragraphs; an empty string is a blank line), each ended by a newline.
    case text(String)
    /// The options of an item (`0 完全不会`), packed on as few lines as the width allows.
    case options([String])
    /// A short line saying why the input was not taken, or what just happened.
    case notice(String)
    /// The question the next input line answers; no newline after it.
    case prompt(String)
    /// The battery's crisis text: help now. Shown prominently (bold red when colour is allowed).
    case crisis(String)
    /// Clear the screen and its scrollback (a shared kiosk between two students); nothing when not a terminal.
    case clearScreen
}
