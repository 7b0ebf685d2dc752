import Foundation
import PsyScreen
import PsyScreenStore

/// Connects a ``TerminalFlow`` to standard input and output and to the school database: shows what the flow
/// says, performs each effect it asks for (each answer is committed before the flow sees the result, so before
/// the next item is shown) and feeds back lines, EOF, Ctrl-C and idle timeouts.
struct TerminalDriver {
    var flow: TerminalFlow
    let store: any ScreeningStore
    let wave: String
    let screen: TerminalScreen
    let reader: LineReader
    /// Kiosk only: seconds without input before a student's session is closed.
    let idleTimeout: Double?
    let inputIsTerminal: Bool

    /// Runs until the flow ends; returns the exit status.
    mutating func run() -> Int32 {
        var actions = flow.handle(.start, now: Date())
        while true {
            var effect: FlowEffect?
            for action in actions {
                switch action {
                case .show(let output): screen.show(output)
                case .perform(let next): effect = next
                case .exit(let status): return status
                }
            }
            if let effect {
                actions = flow.handle(perform(effect), now: Date())
                continue
            }
            guard flow.isAwaitingInput else { return 0 }
            actions = flow.handle(nextInput(), now: Date())
        }
    }

    private func nextInput() -> FlowEvent {
        switch reader.next(timeout: flow.configuration.kiosk ? idleTimeout : nil) {
        case .line(let line):
            // Through a pipe nothing echoes the typed line: end the prompt's line so the transcript stays readable.
            if !inputIsTerminal { screen.write("\n") }
            return .line(line)
        case .interrupted:
            return .interrupted
        case .timedOut:
            return .idleTimeout
        case .endOfInput:
            // Ctrl-D on a kiosk's terminal ends the student's session like Ctrl-C; only at the ID prompt does it
            // stop the kiosk (how the teacher closes it).
            if flow.configuration.kiosk, inputIsTerminal, flow.phase != .askingID {
                reader.resumeAfterEndOfInput()
                return .interrupted
            }
            return .endOfInput
        }
    }

    private func perform(_ effect: FlowEffect) -> FlowEvent {
        let battery = flow.configuration.battery
        do {
            switch effect {
            case .lookUpStudent(let id):
                guard let lookup = try store.lookUp(wave: wave, studentID: id, battery: battery) else { return .studentNotFound }
                return .studentFound(lookup)
            case .startAttempt(let studentID, let consented):
                return .attemptStarted(
                    try store.startTerminalAttempt(wave: wave, studentID: studentID, battery: battery, consented: consented))
            case .saveAnswer(let attemptID, let instrumentID, let itemID, let value, let seconds):
                return .answerSaved(
                    try store.saveAnswer(
                        attemptID: attemptID, battery: battery, instrumentID: instrumentID, itemID: itemID, value: value,
                        seconds: seconds))
            case .finishAttempt(let attemptID):
                try store.finishAttempt(attemptID: attemptID, battery: battery)
                return .attemptFinished
            }
        } catch {
            // The student sees a short line; the teacher finds the details on stderr.
            printError(error.description)
            return .storeFailed(error.message)
        }
    }
}
