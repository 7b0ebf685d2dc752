/// What the terminal flow asks its driver to do, in order.
public enum FlowAction: Hashable, Sendable {
    /// Write something for the student.
    case show(FlowOutput)
    /// Do this against the database and feed the result back as an event. Always the last action of a step.
    case perform(FlowEffect)
    /// End the program with this status.
    case exit(Int32)
}

/// Something written for the student. The driver wraps it at the terminal width and styles it.
public enum FlowOutput: Hashable, Sendable {
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

/// Work only the driver can do (the database). Each is answered by one ``FlowEvent``.
public enum FlowEffect: Hashable, Sendable {
    /// Answered by ``FlowEvent/studentFound(_:)`` or ``FlowEvent/studentNotFound``.
    case lookUpStudent(id: String)
    /// Answered by ``FlowEvent/attemptStarted(_:)``. A refusal is stored as a `refused` attempt.
    case startAttempt(studentID: String, consented: Bool)
    /// `value` nil = skipped. Committed before the next item is shown; answered by ``FlowEvent/answerSaved(_:)``.
    case saveAnswer(attemptID: Int64, instrumentID: String, itemID: String, value: Int?, seconds: Double)
    /// Answered by ``FlowEvent/attemptFinished``.
    case finishAttempt(attemptID: Int64)
}
